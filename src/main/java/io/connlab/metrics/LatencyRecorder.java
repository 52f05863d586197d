package io.connlab.metrics;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency distribution: network threads record into an HdrHistogram {@link Recorder}
 * (wait-free), the reader drains interval histograms and adds them into a running total.
 * The reader-side methods must be called by one thread at a time (LaneMetrics holds its lock).
 */
final class LatencyRecorder {
    /** Values are microseconds from 0 to one hour; anything longer is recorded as one hour. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final int DIGITS = 3;

    private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, DIGITS);
    private final Histogram total = new Histogram(1, HIGHEST_MICROS, DIGITS);
    private Histogram interval;
    private Percentiles summary = Percentiles.EMPTY;
    private long summarisedCount;

    void recordMicros(long micros) {
        recorder.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
    }

    void recordMillis(double millis) {
        if (!Double.isNaN(millis)) {
            recordMicros(Math.round(millis * 1000.0));
        }
    }

    /** Reader side: moves what was recorded since the last drain into the total and returns it. */
    Histogram drain() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval;
    }

    /** Reader side: the total's percentiles, recomputed only when new values arrived. */
    Percentiles summary() {
        if (total.getTotalCount() != summarisedCount) {
            summary = Percentiles.ofMicros(total);
            summarisedCount = total.getTotalCount();
        }
        return summary;
    }
}
