package io.connlab.metrics;

import org.HdrHistogram.AbstractHistogram;

/** A latency distribution in milliseconds: how many values, median, p90, p99, max and mean. */
public record Percentiles(long count, double p50, double p90, double p99, double max, double mean) {

    /** No values recorded yet; every figure is NaN so views can show a dash. */
    public static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Summarises a histogram whose values are microseconds. */
    public static Percentiles ofMicros(AbstractHistogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Percentiles(h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                h.getMean() / 1000.0);
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
