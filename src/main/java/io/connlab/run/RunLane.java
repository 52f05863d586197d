package io.connlab.run;

import io.connlab.lane.Lane;
import io.connlab.metrics.LaneMetrics;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.metrics.WireTrace;

/**
 * One lane of a run as the run and the views see it: the technique, the lane doing the work,
 * the metrics it reports into, and the wire trace of its first client for the sequence strip.
 */
public record RunLane(Technique technique, Lane lane, LaneMetrics metrics, WireTrace trace) {

    public LaneState state() {
        return lane.state();
    }

    /** A live snapshot; take it from one reader thread at a time (the view's frame, or bench's progress). */
    public LaneSnapshot snapshot() {
        return metrics.snapshot();
    }
}
