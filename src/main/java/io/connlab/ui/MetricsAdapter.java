package io.connlab.ui;

import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.TimeSeries;
import io.connlab.metrics.Technique;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the metrics' types into what the views show: a {@link LaneSnapshot} into
 * {@link LaneFigures}, a {@link Comparison} into table rows. The run engine's adapter calls
 * these, so the views never depend on the metrics' shape.
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

    /** The comparison's rows keyed by lane; lanes are matched by title ("Long poll") or id ("long-poll"). */
    public static List<ComparisonRow> rows(Comparison comparison) {
        List<String> names = comparison.laneNames();
        List<Technique> kinds = new ArrayList<>();
        for (String n : names) kinds.add(kindOf(n));
        List<ComparisonRow> rows = new ArrayList<>();
        for (Comparison.Row r : comparison.rows()) {
            Map<Technique, String> cells = new EnumMap<>(Technique.class);
            for (int i = 0; i < kinds.size() && i < r.cells().size(); i++) {
                if (kinds.get(i) != null) cells.put(kinds.get(i), r.cells().get(i));
            }
            rows.add(new ComparisonRow(r.label(), cells));
        }
        return rows;
    }

    static Technique kindOf(String name) {
        for (Technique k : Technique.values()) {
            if (k.label().equalsIgnoreCase(name) || k.id().equalsIgnoreCase(name)) return k;
        }
        return null;
    }
}
