package io.connlab.ui.toolbar;

import io.connlab.ui.model.I18n;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.model.NetworkSettings;
import io.connlab.ui.model.Words;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Start, stop and live changes of a run, without controls. The engine is only ever called
 * on {@code background} (serial, may block); results come back through {@code fx}. In tests
 * both executors can be {@code Runnable::run}, which makes every step happen at once.
 */
public final class RunControlModel {

    private static final Logger LOG = LoggerFactory.getLogger(RunControlModel.class);

    /** What the Start/Stop button is doing (not the run's own RunController.Phase). Start is allowed only in IDLE, stop only in RUNNING or STARTING. */
    public enum Activity { IDLE, STARTING, RUNNING, STOPPING }

    /** Does one blocking thing; its message or exception ends up in the status line. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    /** Asked on the FX thread before a Start: null refuses it, else a note for the status line ("" for none). */
    @FunctionalInterface
    public interface StartCheck {
        String check(RunSettings settings);
    }

    private StartCheck startCheck = s -> "";
    private final ToolbarModel toolbar;
    private final LabEngine engine;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<Activity> activity = new ReadOnlyObjectWrapper<>(this, "activity", Activity.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", I18n.t("status.ready"));
    private final ReadOnlyObjectWrapper<Words> noMockControl = new ReadOnlyObjectWrapper<>(this, "noMockControl", Words.NOTHING);
    // values computed on the FX thread, picked up by the next background job
    private final AtomicReference<NetworkSettings> pendingNetwork = new AtomicReference<>();
    private final AtomicReference<RunSettings> pendingSettings = new AtomicReference<>();

    public RunControlModel(ToolbarModel toolbar, LabEngine engine, Executor background, Executor fx) {
        this.toolbar = toolbar;
        this.engine = engine;
        this.background = background;
        this.fx = fx;
        ChangeListener<Object> network = (o, a, b) -> networkChanged();
        toolbar.rttMillisProperty().addListener(network);
        toolbar.jitterMillisProperty().addListener(network);
        toolbar.timeScaleProperty().addListener(network);
        ChangeListener<Object> settings = (o, a, b) -> settingsChanged();
        toolbar.rateProperty().addListener(settings);
        toolbar.payloadProperty().addListener(settings);
        toolbar.publishProperty().addListener(settings);
        toolbar.backendProperty().addListener((o, a, b) -> backendChanged(b));
        watchFields();
    }

    public ReadOnlyObjectProperty<Activity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public Activity activity() {
        return activity.get();
    }

    /** One line saying what is going on, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Starts a run with the toolbar's settings. Refused (returns false, nothing called) when a
     * field is bad or a run is already going.
     */
    public boolean start() {
        if (activity.get() != Activity.IDLE || toolbar.settings().isEmpty()) return start(engine::start, "");
        String note = startCheck.check(toolbar.settings().get());
        return note != null && start(engine::start, note);
    }

    /** Sets what a Start asks first (the live-run cost confirmation). */
    public void checkBeforeStart(StartCheck check) {
        startCheck = check;
    }

    /**
     * Starts a lesson's experiment: the preset goes into the toolbar's fields (so the user sees
     * what runs), then the run starts with them and the preset's faults. Refused like {@link #start()}.
     */
    public boolean startExperiment(io.connlab.lesson.Experiment experiment) {
        if (activity.get() != Activity.IDLE) return false;
        io.connlab.lesson.Preset preset = experiment.preset();
        // for this experiment only: the user's own values come back with "Back to my settings" (and are what is remembered)
        io.connlab.lesson.BackendSetup b = preset.backend();
        toolbar.applyPreset(experiment.title(), preset.run(),
                new NetworkSettings(b.rttMillis(), b.jitterMillis(), (int) Math.round(b.timeScale())));
        if (!toolbar.backendProperty().get().isMock()) toolbar.backendProperty().set(BackendChoice.mock());
        return start((s, n) -> engine.startExperiment(s, n, preset), "");
    }

    private interface Starter {
        void start(RunSettings s, NetworkSettings n) throws Exception;
    }

    private boolean start(Starter starter, String note) {
        if (activity.get() != Activity.IDLE) return false;
        Optional<RunSettings> settings = toolbar.settings();
        if (settings.isEmpty()) {
            status.set(cannotStart());
            return false;
        }
        RunSettings s = settings.get();
        NetworkSettings n = toolbar.network();
        activity.set(Activity.STARTING);
        status.set(I18n.t("status.starting"));
        background.execute(() -> {
            try {
                starter.start(s, n);
                fx.execute(() -> {
                    if (activity.get() == Activity.STARTING) activity.set(Activity.RUNNING);
                    status.set(I18n.t("status.running", s.ratePerSecond(), s.payloadBytes(), io.connlab.ui.model.Said.duration(s.duration()))
                            + (note.isEmpty() ? "" : " · " + note));
                });
            } catch (Exception | LinkageError e) {
                LOG.warn("run did not start", e);
                fx.execute(() -> {
                    activity.set(Activity.IDLE);
                    status.set(I18n.t("status.couldNotStart", describe(e)));
                });
            }
        });
        return true;
    }

    /** Stops the run; does nothing when none is going. */
    public void stop() {
        if (activity.get() != Activity.RUNNING && activity.get() != Activity.STARTING) return;
        activity.set(Activity.STOPPING);
        status.set(I18n.t("status.stopping"));
        background.execute(() -> {
            String msg = I18n.t("status.stopped");
            try {
                engine.stop();
            } catch (Exception e) {
                LOG.warn("run did not stop cleanly", e);
                msg = I18n.t("status.stoppedWithError", describe(e));
            }
            String done = msg;
            fx.execute(() -> {
                activity.set(Activity.IDLE);
                status.set(done);
            });
        });
    }

    /** The Start/Stop button. */
    public void toggle() {
        if (activity.get() == Activity.IDLE) start();
        else stop();
    }

    /** Within this of a Start, a click on the button is the second half of a double-click, not a Stop. */
    static final long DOUBLE_CLICK_NANOS = 600_000_000L;
    private long startedAtNanos = Long.MIN_VALUE / 2;

    /**
     * The Start/Stop button as clicked: a second click right after a Start (a double-click) is
     * ignored, so it neither stops the run it started nor starts another.
     */
    public void click(long nowNanos) {
        if (nowNanos - startedAtNanos < DOUBLE_CLICK_NANOS) return;
        if (activity.get() == Activity.IDLE) {
            if (start()) startedAtNanos = nowNanos;
        } else {
            stop();
        }
    }

    /** Whether a click now would stop the running run, not count as the second half of a double-click on Start. */
    public boolean clickWouldStop(long nowNanos) {
        return activity.get() != Activity.IDLE && nowNanos - startedAtNanos >= DOUBLE_CLICK_NANOS;
    }

    /** Called once per frame: notices a run that ended by itself. */
    public void poll() {
        if (activity.get() == Activity.RUNNING && !engine.isRunning()) {
            activity.set(Activity.IDLE);
            status.set(I18n.t("status.finished"));
        }
    }

    /**
     * Says in the status line that something the window does by itself (drawing a frame,
     * refreshing the figures) has failed; FX thread. Repeats of the same message change nothing.
     */
    public void showProblem(String problem) {
        if (!problem.equals(status.get())) status.set(problem);
    }

    /**
     * What the status line quotes: a run's failure in the window's words when it has them
     * (RunException's key), else the exception's message, or its class's name when it has none.
     */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.connlab.run.RunException r && r.key() != null) return I18n.t(r.key(), r.args());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Runs a blocking job (a fault, a save) on the background thread and reports it in the status line. */
    public void perform(String what, Job job) {
        report(what, () -> {
            job.run();
            return null;
        });
    }

    private String cannotStart() {
        cannotStartShown = I18n.t(CANNOT_START, toolbar.invalidFields());
        return cannotStartShown;
    }

    /** The status line's words about the fields, in one place (to move into a resource bundle). */
    static final String CANNOT_START = "status.cannotStart";
    private String cannotStartShown = "";

    /** Says in the status line which fields stop a run (Start is disabled meanwhile), and clears that once they are fixed. */
    private void watchFields() {
        for (ToolbarModel.Field f : ToolbarModel.Field.values()) {
            toolbar.errorProperty(f).addListener((o, a, b) -> {
                if (activity.get() != Activity.IDLE) return;
                if (!toolbar.invalidFields().isEmpty()) status.set(cannotStart()); // errors are set before validity
                else if (cannotStartShown.equals(status.get())) status.set(I18n.t("status.readyShort"));
            });
        }
    }

    /** Does one blocking thing that says what came of it; that outcome, in plain words, becomes the status line. */
    @FunctionalInterface
    public interface Outcome {
        String run() throws Exception;
    }

    /** As {@link #perform}, the status line then showing the job's outcome ("Dropped 5 WebSockets: …"). */
    public void report(String what, Outcome job) {
        status.set(I18n.t("status.doing", what));
        background.execute(() -> {
            String msg;
            try {
                String outcome = job.run();
                msg = outcome == null || outcome.isBlank() ? I18n.t("status.done", what) : outcome;
            } catch (Exception e) {
                // a refusal in the user's words is said, not dumped; only the unexpected gets its stack trace
                if (e instanceof IllegalStateException || e instanceof IllegalArgumentException
                        || e instanceof java.io.IOException) LOG.warn("{} failed: {}", what, describe(e));
                else LOG.warn("{} failed", what, e);
                msg = I18n.t("status.failed", what, describe(e));
            }
            String done = msg;
            fx.execute(() -> status.set(done));
        });
    }

    /** Stops the run and closes the engine; completes (on the background thread) when all is closed. */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                engine.close();
            } catch (Exception e) {
                LOG.warn("engine did not close cleanly", e);
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    private void networkChanged() {
        if (activity.get() != Activity.RUNNING || noMockControl.get() != Words.NOTHING) return;
        // a dragged slider fires many changes: keep only the latest, send it once
        if (pendingNetwork.getAndSet(toolbar.network()) != null) return;
        background.execute(() -> {
            NetworkSettings n = pendingNetwork.getAndSet(null);
            try {
                if (n != null) engine.applyNetwork(n);
            } catch (Exception e) {
                LOG.warn("network conditions not applied", e);
            }
        });
    }

    private void settingsChanged() {
        if (activity.get() != Activity.RUNNING) return;
        Optional<RunSettings> now = toolbar.settings();
        if (now.isEmpty()) return;
        if (pendingSettings.getAndSet(now.get()) != null) return;
        background.execute(() -> {
            RunSettings s = pendingSettings.getAndSet(null);
            try {
                if (s != null) engine.adjust(s);
            } catch (Exception e) {
                LOG.warn("settings not applied", e);
            }
        });
    }

    private void backendChanged(BackendChoice choice) {
        if (choice == null) return;
        if (activity.get() != Activity.IDLE) stop();
        useBackend(I18n.t("status.switching", choice), choice);
    }

    /** Switches the engine to {@code choice} on the background thread, then says whether the mock's controls act on it. */
    public void useBackend(String what, BackendChoice choice) {
        report(what, () -> {
            try {
                engine.useBackend(choice);
            } finally {
                Words now = engine.noMockControl(); // whether the switch worked or not: what the engine holds now
                fx.execute(() -> noMockControl.set(now));
            }
            Words why = engine.noMockControl();
            // the greyed RTT and fault buttons say why in the status line too, whatever tab is open
            return why == Words.NOTHING ? null : I18n.t("status.done", what) + " " + why.shown();
        });
    }

    /**
     * Why the fault buttons and the network controls do not act on the backend ({@link Words#NOTHING} when they do:
     * the bundled mock, a served mock through its instructor profile), as the engine said after the last switch.
     */
    public ReadOnlyObjectProperty<Words> noMockControlProperty() {
        return noMockControl.getReadOnlyProperty();
    }

}
