package io.connlab.app;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.lane.LaneState;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.metrics.TimeSeries;
import io.connlab.metrics.WireEvent;
import io.connlab.run.RunController;
import io.connlab.run.RunLane;
import io.connlab.ui.ComparisonRow;
import io.connlab.ui.LaneFeed;
import io.connlab.ui.LaneFigures;
import io.connlab.ui.MetricsAdapter;
import io.connlab.ui.PoolFigures;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the window's lane columns and comparison table read from one run. Read on the FX thread
 * only: snapshots are taken at most ten times a second and shared by the columns and the table.
 */
final class RunFeeds {
    static final RunFeeds NONE = new RunFeeds(null, null);
    private static final long REFRESH_NANOS = 100_000_000L;

    private final RunController run;
    private final MockSampler sampler;
    private Map<Technique, LaneSnapshot> snapshots = Map.of();
    private long takenAt;

    RunFeeds(RunController run, MockSampler sampler) {
        this.run = run;
        this.sampler = sampler;
    }

    LaneFeed lane(Technique t) {
        RunLane lane = run == null ? null : run.lane(t);
        if (lane == null) return LaneFeed.idle();
        return new LaneFeed() {
            @Override
            public LaneFigures figures() {
                LaneSnapshot s = snapshots().get(t);
                if (s == null) return LaneFigures.idle();
                List<TimeSeries.Point> points = lane.metrics().timeSeries().points();
                TimeSeries.Point recent = points.isEmpty() ? null : points.get(points.size() - 1);
                double cost = Comparison.of(List.of(s)).costs().get(0).perMillionDelivered();
                return MetricsAdapter.figures(s, uiState(t, lane.state()), detail(t, s), recent,
                        t.isPool() ? pool(t, s) : null, cost);
            }

            @Override
            public List<WireEvent> wireSince(long micros) {
                return lane.trace().copySince(micros);
            }
        };
    }

    List<ComparisonRow> comparison() {
        Map<Technique, LaneSnapshot> s = snapshots();
        if (s.isEmpty()) return List.of();
        return MetricsAdapter.rows(Comparison.of(new ArrayList<>(s.values())));
    }

    /** Live snapshots while the run goes, the settled ones once it has ended. */
    private Map<Technique, LaneSnapshot> snapshots() {
        if (run == null) return Map.of();
        Map<Technique, LaneSnapshot> settled = run.finalSnapshots();
        if (settled != null) return settled;
        long now = System.nanoTime();
        if (now - takenAt >= REFRESH_NANOS || snapshots.isEmpty()) {
            Map<Technique, LaneSnapshot> next = new EnumMap<>(Technique.class);
            for (RunLane l : run.lanes()) next.put(l.technique(), l.snapshot());
            snapshots = next;
            takenAt = now;
        }
        return snapshots;
    }

    private static io.connlab.ui.LaneState uiState(Technique t, LaneState s) {
        return switch (s) {
            case CONNECTING -> io.connlab.ui.LaneState.CONNECTING;
            case OPEN -> t == Technique.SHORT_POLL ? io.connlab.ui.LaneState.POLLING : io.connlab.ui.LaneState.OPEN;
            case HOLDING -> io.connlab.ui.LaneState.HOLDING;
            case RECONNECTING -> io.connlab.ui.LaneState.RECONNECTING;
            case FAILED -> io.connlab.ui.LaneState.FAILED;
            case STOPPED -> io.connlab.ui.LaneState.STOPPED;
        };
    }

    private String detail(Technique t, LaneSnapshot s) {
        return switch (t) {
            case WEBSOCKET -> s.connectionsOpen() + " open";
            case LONG_POLL -> "wait " + run.settings().longPollWait().toSeconds() + " s";
            case SHORT_POLL -> "every " + run.settings().shortPollInterval().toMillis() / 1000.0 + " s";
            default -> s.pool().containers() + (s.pool().containers() == 1 ? " container" : " containers");
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
