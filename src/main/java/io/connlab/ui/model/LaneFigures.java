package io.connlab.ui.model;

import io.connlab.metrics.LaneState;

/**
 * One lane's figures at one moment, as the lane column and the comparison table show them.
 * The run engine's figures refresher fills it from the lane's snapshot ten times a second; the
 * views never see the metrics types, so either side can change without the other.
 *
 * @param detail       a short note under the state ("every 1 s", "3 warm"), or empty
 * @param recentP50Ms  p50 over the last second or so, for the latency chart (NaN if none)
 * @param recentP99Ms  p99 over the same window
 * @param costPerMillion estimated US dollars per million messages, NaN if unknown
 * @param pool         container and database figures, null for message lanes
 */
public record LaneFigures(LaneState state, String detail,
                          long delivered, long lost, long duplicates,
                          double p50Ms, double p90Ms, double p99Ms, double maxMs,
                          double recentP50Ms, double recentP99Ms,
                          long requests, long emptyResponses, long connections, long reconnects,
                          long bytes, long errors,
                          long invocations, long coldStarts,
                          double costPerMillion, PoolFigures pool) {

    public LaneFigures {
        if (state == null) state = LaneState.IDLE;
        if (detail == null) detail = "";
    }

    /** A lane that has not run yet. */
    public static LaneFigures idle() {
        return new LaneFigures(LaneState.IDLE, "", 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, null);
    }
}
