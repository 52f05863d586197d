package io.connlab.app.engine;

import io.connlab.ui.model.I18n;
import io.connlab.endpoint.MockAdminClient;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.CostModel;
import io.connlab.metrics.LaneCost;
import io.connlab.metrics.Prices;
import io.connlab.metrics.RequestApi;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.metrics.TimeSeries;
import io.connlab.metrics.WireEvent;
import io.connlab.run.RunController;
import io.connlab.run.RunLane;
import io.connlab.thread.DaemonThreads;
import io.connlab.ui.model.LaneFeed;
import io.connlab.ui.model.LaneFigures;
import io.connlab.ui.model.MetricsAdapter;
import io.connlab.ui.model.PoolFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the window's lane columns and comparison table read from one run. Taking a lane's
 * snapshot drains and sums its latency histograms, which costs milliseconds; so a background
 * thread ({@code connlab-figures}) takes them ten times a second and turns them into the
 * columns' figures and the table's rows, and the FX thread only reads the latest copy.
 * {@link #close()} stops that thread; the last figures stay readable.
 */
final class RunFeeds implements AutoCloseable {
    static final RunFeeds NONE = new RunFeeds();
    private static final Logger LOG = LoggerFactory.getLogger(RunFeeds.class);
    private static final long REFRESH_MILLIS = 100;

    /** One refresh's results: per lane figures and the comparison rows. */
    private record Figures(Map<Technique, LaneFigures> lanes, List<Comparison.Row> rows) {
        static final Figures NONE = new Figures(Map.of(), List.of());
    }

    private final RunController run;
    private final MockSampler sampler;
    private final CostModel costs;
    private final Map<Technique, LaneFeed> feeds = new EnumMap<>(Technique.class);
    private final ScheduledExecutorService refresher;
    private volatile Figures latest = Figures.NONE;
    private boolean warned;
    private volatile String problem;

    private RunFeeds() {
        costs = null;
        run = null;
        sampler = null;
        refresher = null;
    }

    RunFeeds(RunController run, MockSampler sampler) {
        this(run, sampler, RequestApi.HTTP_API);
    }

    /** @param api how poll and invoke requests are priced: the mock's chosen API kind, or the stack's HTTP API */
    RunFeeds(RunController run, MockSampler sampler, RequestApi api) {
        this.run = run;
        this.sampler = sampler;
        this.costs = new CostModel(Prices.CURRENT, api);
        for (RunLane lane : run.lanes()) {
            Technique t = lane.technique();
            feeds.put(t, new LaneFeed() {
                @Override
                public LaneFigures figures() {
                    return latest.lanes().getOrDefault(t, LaneFigures.idle());
                }

                @Override
                public List<WireEvent> wireSince(long micros) {
                    return lane.trace().copySince(micros);
                }
            });
        }
        refresher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("connlab-figures"));
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The lane's feed; FX thread, returns at once. */
    LaneFeed lane(Technique t) {
        return feeds.getOrDefault(t, LaneFeed.idle());
    }

    /** The comparison rows as of the last refresh; FX thread, returns at once. */
    List<Comparison.Row> comparison() {
        return latest.rows();
    }

    /** Why the last refresh failed, or empty when it worked; FX thread, returns at once. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        if (refresher != null) refresher.shutdownNow();
    }

    /** Background: live snapshots while the run goes, the settled ones once it has ended. */
    private void refresh() {
        try {
            Map<Technique, LaneSnapshot> snapshots = run.finalSnapshots();
            if (snapshots == null) {
                snapshots = new EnumMap<>(Technique.class);
                for (RunLane l : run.lanes()) snapshots.put(l.technique(), l.snapshot());
            }
            Map<Technique, LaneFigures> lanes = new EnumMap<>(Technique.class);
            for (RunLane l : run.lanes()) {
                LaneSnapshot s = snapshots.get(l.technique());
                if (s != null) lanes.put(l.technique(), figures(l, s));
            }
            List<Comparison.Row> rows = snapshots.isEmpty() ? List.of()
                    : comparison(new ArrayList<>(snapshots.values())).rows();
            latest = new Figures(lanes, rows);
            problem = null;
        } catch (RuntimeException e) {
            if (!warned) LOG.warn("the run's figures could not be read; the window keeps the last ones", e);
            warned = true;
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private Comparison comparison(List<LaneSnapshot> lanes) {
        return new Comparison(lanes, costs, LaneCost.Assumptions.DEFAULT);
    }

    private LaneFigures figures(RunLane lane, LaneSnapshot s) {
        Technique t = lane.technique();
        List<TimeSeries.Point> points = lane.metrics().timeSeries().points();
        TimeSeries.Point recent = points.isEmpty() ? null : points.get(points.size() - 1);
        double cost = comparison(List.of(s)).costs().get(0).perMillionDelivered();
        // a short poll lane is "open" between its polls; its column says it is polling
        LaneState state = t == Technique.SHORT_POLL && lane.state() == LaneState.OPEN ? LaneState.POLLING : lane.state();
        return MetricsAdapter.figures(s, state, detail(t, s), recent,
                t.isPool() ? pool(t, s) : null, cost);
    }

    private String detail(Technique t, LaneSnapshot s) {
        return switch (t) {
            case WEBSOCKET -> I18n.t("detail.open", s.connectionsOpen());
            case LONG_POLL -> I18n.t("detail.wait", run.settings().longPollWait().toSeconds());
            case SHORT_POLL -> I18n.t("detail.every", run.settings().shortPollInterval().toMillis() / 1000.0);
            default -> I18n.t("detail.containers", s.pool().containers());
        };
    }

    /** The pool picture: the mock's containers of this mode (live stacks show only the counts). */
    private PoolFigures pool(Technique t, LaneSnapshot s) {
        MockSampler.Sample sample = sampler == null ? MockSampler.Sample.NONE : sampler.latest();
        List<PoolFigures.Container> containers = new ArrayList<>();
        for (MockAdminClient.Container c : sample.containers()) {
            if (!c.mode().equals(t.id())) continue;
            PoolFigures.ContainerState state = switch (c.state()) {
                case "initializing" -> PoolFigures.ContainerState.COLD;
                case "busy" -> PoolFigures.ContainerState.BUSY;
                default -> PoolFigures.ContainerState.WARM;
            };
            // pooled: each container's own pool of one; unpooled: one while it runs; proxy: the shared pool's
            int connections = switch (t) {
                case POOL_POOLED -> 1;
                case POOL_UNPOOLED -> state == PoolFigures.ContainerState.BUSY ? 1 : 0;
                default -> 0;
            };
            containers.add(new PoolFigures.Container(c.id(), state, connections));
        }
        int db = sample.dbMaxConnections() > 0 ? sample.dbConnections() : s.pool().dbConnectionsLast();
        int max = sample.dbMaxConnections() > 0 ? sample.dbMaxConnections() : s.pool().dbMaxConnections();
        long refused = s.errorsByKind().getOrDefault("db-too-many-clients", 0L);
        return new PoolFigures(containers, db, max, refused, sampler == null ? 0 : sampler.lastRefusalMicros());
    }
}
