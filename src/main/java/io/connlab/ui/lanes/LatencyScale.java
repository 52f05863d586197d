package io.connlab.ui.lanes;

import io.connlab.ui.canvas.LatencyChart;

import java.util.Collection;

/** One latency axis for every shown lane, so a student compares the charts by eye. */
public final class LatencyScale {
    private LatencyScale() {
    }

    /** Gives every visible column's chart the decades that hold all of their data. */
    public static void share(Collection<LaneColumn> columns, long nowMicros) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (LaneColumn c : columns) {
            if (!c.isVisible()) continue;
            LatencyChart chart = c.chart();
            long since = nowMicros - chart.span();
            min = Math.min(min, chart.history().minP50Since(since));
            max = Math.max(max, chart.history().maxP99Since(since));
        }
        double[] d = LatencyChart.decades(min, max);
        for (LaneColumn c : columns) c.chart().useScale(d[0], d[1]);
    }
}
