package io.connlab.lesson;

import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;

import java.util.List;
import java.util.Map;

/**
 * What running an experiment showed: the observation's outcome over the run's final figures,
 * or {@code failure} when the run could not be done (then {@code outcome} is null).
 *
 * @param log what the timed faults did, in order
 */
public record ExperimentResult(Experiment experiment, Observation.Outcome outcome, String failure,
                               Map<Technique, LaneSnapshot> lanes, List<String> log) {

    /** True when the run finished and its observation held. */
    public boolean held() {
        return failure == null && outcome != null && outcome.held();
    }

    /** The figures the observation read, "shortPoll.p50 = 1,004.2", for printing. */
    public String figuresText() {
        if (outcome == null) return "";
        StringBuilder sb = new StringBuilder();
        outcome.figures().forEach((k, v) -> {
            if (sb.length() > 0) sb.append(", ");
            sb.append(k).append(" = ").append(figure(v));
        });
        return sb.toString();
    }

    /** One figure as it is printed: "1,004.2", "12", or "no value" for NaN. */
    public static String figure(double v) {
        return Double.isNaN(v) ? "no value" : v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v)
                : String.format(java.util.Locale.ROOT, "%,.1f", v);
    }
}
