package io.connlab.app.engine;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.endpoint.MockAdminClient;
import io.connlab.lesson.BackendSetup;
import io.connlab.lesson.FaultTimeline;
import io.connlab.lesson.Preset;
import io.connlab.lesson.RunFigures;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import io.connlab.endpoint.ProfileLibrary;
import io.connlab.metrics.RequestApi;
import io.connlab.run.RunController;
import io.connlab.run.RunForProfile;
import io.connlab.run.RunLane;
import io.connlab.run.RunReport;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.BackendPanelModel;
import io.connlab.ui.model.Faults;
import io.connlab.ui.model.Words;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.model.LiveCost;
import io.connlab.ui.model.MockSetup;
import io.connlab.ui.model.ProfileStore;
import io.connlab.ui.model.LaneFeed;
import io.connlab.ui.model.NetworkSettings;
import io.connlab.ui.model.ResultsSaver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The window's engine: owns the backend (the in-process mock, or a profile's endpoints) and
 * the current run. The window calls the lifecycle methods one at a time on a background
 * thread and reads {@link #lane} and {@link #comparison} on the FX thread.
 */
public final class LabRuntime implements LabEngine {
    private volatile MockBackend mock;
    private volatile EndpointProfile profile;
    private volatile MockAdminClient admin;
    private volatile RunController run;
    private volatile RunFeeds feeds = RunFeeds.NONE;
    private final MockSampler sampler = new MockSampler();
    private volatile FaultTimeline faults;
    private volatile RunFigures lastFigures;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabRuntime.class);
    private final MockChoices mockChoices = new MockChoices(this);
    private final ProfileStore profiles;

    /** With the user's saved profiles ({@code ~/.connlab/profiles}). */
    public LabRuntime() {
        this(new LibraryProfiles(ProfileLibrary.inUserHome()));
    }

    public LabRuntime(ProfileStore profiles) {
        this.profiles = profiles;
    }

    @Override
    public void useBackend(BackendChoice choice) throws Exception {
        if (isRunning()) throw new IllegalStateException("stop the run before switching the backend");
        if (choice.isMock()) {
            if (mock == null) startMock(mockChoices.applyTo(MockConfig.defaults()));
            return;
        }
        EndpointProfile loaded = EndpointProfiles.load(choice.profile());
        closeMock();
        profile = loaded;
        admin = loaded.adminUrl() == null ? null : new MockAdminClient(loaded);
        sampler.watch(admin);
    }

    /** Starts the mock exactly as {@code config} says (the Backend tab's choices are applied by the caller). */
    private void startMock(MockConfig config) throws Exception {
        Backend started = Backend.mock(config);
        mock = started.mock().orElseThrow();
        profile = started.profile();
        admin = new MockAdminClient(profile);
        sampler.watch(admin);
    }

    private void closeMock() {
        MockBackend m = mock;
        mock = null;
        if (m != null) m.close();
    }

    /** Restarts a running mock with the Backend tab's choices; a mock not started yet takes them when it starts. */
    void reconfigureMock() throws Exception {
        if (isRunning()) throw new IllegalStateException("stop the run before changing the mock's settings");
        MockBackend m = mock;
        if (m != null) restartWithChoices(m.config().timeScale().factor(), m.config().dbMaxConnections());
    }

    /** Stops and starts the mock on the same ports, as it was (a fault button; also a new time scale). */
    void restartMock(Double timeScale) throws Exception {
        MockBackend m = mock;
        if (m == null) throw new IllegalStateException("only the bundled mock can be restarted");
        MockConfig was = m.config();
        restartMockAs(was.withTimeScale(timeScale == null ? was.timeScale().factor() : timeScale)
                .withNetwork(m.network().rttMillis(), m.network().jitterMillis()));
    }

    /** The mock with the Backend tab's API kind and cold start, also after an experiment's mock (which has the defaults). */
    private void restartWithChoices(double timeScale, int dbMaxConnections) throws Exception {
        MockBackend m = mock;
        restartMockAs(mockChoices.applyTo(m.config().withTimeScale(timeScale)
                .withNetwork(m.network().rttMillis(), m.network().jitterMillis()).withDbMaxConnections(dbMaxConnections)));
        experimentMock = false;
    }

    /** Stops the mock and starts {@code shape} on the same host, ports, stage and token (what the window's clients know). */
    private void restartMockAs(MockConfig shape) throws Exception {
        MockBackend m = mock;
        MockConfig was = m.config();
        int httpPort = java.net.URI.create(m.endpoints().pollUrl()).getPort();
        int wsPort = java.net.URI.create(m.endpoints().websocketUrl()).getPort();
        MockConfig next = new MockConfig(was.host(), httpPort, wsPort, was.stage(), shape.timeScale(), was.token(),
                shape.rttMillis(), shape.jitterMillis(), shape.dbMaxConnections(), shape.apiKind(), shape.coldStartMillis());
        m.close();
        mock = null;
        startMock(next);
    }

    @Override
    public void start(RunSettings settings, NetworkSettings network) throws Exception {
        if (profile == null) useBackend(BackendChoice.mock());
        setUpMock(network, MockConfig.defaults().dbMaxConnections());
        startRun(settings);
    }

    /** True while the mock is an experiment's (the defaults, as {@code bench --lesson}): the next plain run restarts it. */
    private volatile boolean experimentMock;

    @Override
    public void startExperiment(RunSettings settings, NetworkSettings network, Preset preset) throws Exception {
        if (profile == null) useBackend(BackendChoice.mock());
        if (mock == null) throw new IllegalStateException("experiments run on the bundled mock: choose it as the backend");
        // each try as bench --lesson runs it: a fresh mock (cold containers, an empty store) with the defaults
        // the lesson was written for (HTTP API, the usual cold start), whatever the Backend tab says
        BackendSetup b = preset.backend();
        restartMockAs(MockConfig.defaults().withTimeScale(b.timeScale()).withNetwork(network.rttMillis(), network.jitterMillis())
                .withDbMaxConnections(b.maxConnections()));
        experimentMock = true;
        startRun(settings);
        RunController r = run;
        faults = FaultTimeline.start(r, preset.faults(), admin, line -> LOG.info("experiment: {}", line),
                f -> r.mark(FaultMarks.of(f).shown(), null));
    }

    @Override
    public Optional<RunFigures> lastRunFigures() {
        RunFigures f = lastFigures;
        if (f != null) return Optional.of(f);
        RunController r = run;
        if (r == null || r.finalSnapshots() == null) return Optional.empty();
        lastFigures = f = RunFigures.of(r);
        return Optional.of(f);
    }

    /** The mock at the time scale, network and {@code max_connections} asked for (restarted when they change). */
    private void setUpMock(NetworkSettings network, int dbMaxConnections) throws Exception {
        MockBackend m = mock;
        if (servedMock()) admin.network(network.rttMillis(), network.jitterMillis()); // the slider's RTT, not the served one's
        if (m == null) return;
        if (experimentMock || m.config().timeScale().factor() != network.timeScale() || m.config().dbMaxConnections() != dbMaxConnections) {
            restartWithChoices(network.timeScale(), dbMaxConnections);
        }
        mock.network().set(network.rttMillis(), network.jitterMillis());
    }

    private void startRun(RunSettings settings) throws Exception {
        stopFaults();
        lastFigures = null;
        RunController previous = run;
        if (previous != null) previous.close();
        feeds.close();
        EndpointProfile p = profile;
        RunForProfile.Fitted fitted = LiveCosts.fit(settings, p);
        fitted.notes().forEach(n -> LOG.info("run on {}: {}", p.name(), n));
        RunController next = new RunController(p, fitted.settings());
        run = next;
        MockBackend m = mock; // priced as the running mock answers (an experiment's has the defaults)
        feeds = new RunFeeds(next, sampler, m != null ? MockChoices.requestApi(m.config().apiKind()) : RequestApi.HTTP_API);
        next.start();
    }

    private void stopFaults() {
        FaultTimeline f = faults;
        faults = null;
        if (f != null) f.close();
    }

    @Override
    public void stop() {
        stopFaults();
        RunController r = run;
        if (r != null) r.stop();
    }

    @Override
    public boolean isRunning() {
        RunController r = run;
        if (r == null) return false;
        RunController.Phase p = r.phase();
        if (p == RunController.Phase.STARTING || p == RunController.Phase.RUNNING || p == RunController.Phase.DRAINING) return true;
        // the phase turns FINISHED before the lanes have stopped and the final figures are taken:
        // the run is over for the window once they are (a lesson judges its run by them)
        return p != RunController.Phase.IDLE && !ended(r);
    }

    private static boolean ended(RunController r) {
        try {
            return r.awaitEnd(java.time.Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void adjust(RunSettings settings) {
        RunController r = run;
        if (r != null) r.adjust(settings);
    }

    @Override
    public void applyNetwork(NetworkSettings network) throws Exception {
        MockBackend m = mock;
        if (m != null) m.network().set(network.rttMillis(), network.jitterMillis());
        else if (admin != null) admin.network(network.rttMillis(), network.jitterMillis());
    }

    @Override
    public LaneFeed lane(Technique kind) {
        return UnavailableLane.on(profile, kind).orElseGet(() -> feeds.lane(kind));
    }

    @Override
    public Optional<ProfileStore> profiles() {
        return Optional.of(profiles);
    }

    @Override
    public Optional<MockSetup> mockSetup() {
        return profile == null || mock != null ? Optional.of(mockChoices) : Optional.empty();
    }

    @Override
    public Optional<LiveCost> liveCost(RunSettings settings) {
        return LiveCosts.of(profile, settings);
    }

    /** The running mock's config (tests). */
    MockConfig mockConfig() {
        return mock.config();
    }

    @Override
    public List<Comparison.Row> comparison() {
        return feeds.comparison();
    }

    @Override
    public Optional<String> problem() {
        return feeds.problem();
    }

    @Override
    public Optional<BackendPanelModel> backendPanel() {
        MockAdminClient a = admin;
        return a == null ? Optional.empty() : Optional.of(new MockBackendPanel(a, () -> run));
    }

    /** The bundled mock's, or a served mock's through its admin API (its instructor profile holds the key). */
    @Override
    public Optional<Faults> faults() {
        return admin == null ? Optional.empty() : Optional.of(new MockFaults(this));
    }

    @Override
    public Words noMockControl() {
        EndpointProfile p = profile;
        if (admin != null || p == null) return Words.NOTHING;
        return Words.of(p.kind() == EndpointProfile.Kind.LIVE ? "faults.why.live" : "faults.why.student");
    }

    /** Whether the mock is another process's ({@code serve}) reached through its admin API. */
    boolean servedMock() {
        return mock == null && admin != null;
    }

    @Override
    public Optional<ResultsSaver> results() {
        return Optional.of(new ResultsSaver() {
            @Override
            public void saveJson(Path file) throws Exception {
                report().writeJson(file);
            }

            @Override
            public void saveCsv(Path file) throws Exception {
                report().writeCsv(file);
            }
        });
    }

    private RunReport report() {
        RunController r = run;
        if (r == null || r.finalSnapshots() == null) {
            throw new IllegalStateException("Results can be saved once a run has ended");
        }
        return RunReport.of(r);
    }

    /** Events delivered so far in the current run, over every lane (pool lanes: invocations that succeeded). */
    public long deliveredSoFar() {
        RunController r = run;
        if (r == null) return 0;
        long sum = 0;
        for (RunLane l : r.lanes()) sum += l.snapshot().deliveredOrInvoked();
        return sum;
    }

    /** Messages published so far in the current run. */
    public long publishedSoFar() {
        RunController r = run;
        return r == null ? 0 : r.published();
    }

    /** The current (or last) run, or null. */
    RunController run() {
        return run;
    }

    MockAdminClient admin() {
        return admin;
    }

    EndpointProfile profile() {
        return profile;
    }

    @Override
    public void close() {
        stopFaults();
        RunController r = run;
        if (r != null) r.close();
        feeds.close();
        sampler.close();
        closeMock();
    }
}
