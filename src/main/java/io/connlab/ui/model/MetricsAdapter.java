package io.connlab.ui.model;

import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.TimeSeries;

import java.util.List;

/**
 * Turns a lane's {@link LaneSnapshot} into the {@link LaneFigures} its column shows. The run
 * engine's figures refresher calls it, so the lane column never depends on the snapshot's shape.
 */
public final class MetricsAdapter {

    private MetricsAdapter() {
    }

    /**
     * @param recent         the latest time-series point (latency over the last interval), or null
     * @param pool           the pool picture's containers and connections, or null for message lanes
     * @param costPerMillion estimated dollars per million delivered, NaN if unknown
     */
    public static LaneFigures figures(LaneSnapshot s, LaneState state, String detail, TimeSeries.Point recent,
                                      PoolFigures pool, double costPerMillion) {
        var lat = s.headlineLatency();
        LaneSnapshot.Pool p = s.pool() == null ? LaneSnapshot.Pool.NONE : s.pool();
        return new LaneFigures(state, detail,
                s.deliveredOrInvoked(), s.lost(), s.duplicates(),
                lat.p50(), lat.p90(), lat.p99(), lat.max(),
                recent == null ? Double.NaN : recent.p50Ms(), recent == null ? Double.NaN : recent.p99Ms(),
                s.requests(), s.emptyResponses(), s.connectionsOpened(), s.reconnects(),
                s.bytesUp() + s.bytesDown(), s.errors(),
                p.invocations(), p.coldStarts(), costPerMillion,
                pool != null ? pool : s.technique() != null && s.technique().isPool()
                        ? new PoolFigures(List.of(), p.dbConnectionsLast(), p.dbMaxConnections(), 0, 0) : null);
    }
}
