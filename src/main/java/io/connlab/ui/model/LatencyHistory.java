package io.connlab.ui.model;

/**
 * The latency chart's data: p50 and p99 samples over time, newest last, at most
 * {@code capacity} of them. FX thread only (the chart samples it once per tick).
 */
public final class LatencyHistory {

    private final long[] at;
    private final double[] p50;
    private final double[] p99;
    private int start;
    private int size;

    public LatencyHistory(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        at = new long[capacity];
        p50 = new double[capacity];
        p99 = new double[capacity];
    }

    /** Adds a sample; NaN values (nothing delivered lately) are kept as gaps. */
    public void add(long atMicros, double p50Ms, double p99Ms) {
        int i = (start + size) % at.length;
        if (size == at.length) start = (start + 1) % at.length;
        else size++;
        at[i] = atMicros;
        p50[i] = p50Ms;
        p99[i] = p99Ms;
    }

    public void clear() {
        start = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    public long atMicros(int i) {
        return at[index(i)];
    }

    public double p50(int i) {
        return p50[index(i)];
    }

    public double p99(int i) {
        return p99[index(i)];
    }

    /** The largest finite p99 among samples at or after {@code sinceMicros}, 0 if none. */
    public double maxP99Since(long sinceMicros) {
        double max = 0;
        for (int i = 0; i < size; i++) {
            if (atMicros(i) < sinceMicros) continue;
            double v = Math.max(finite(p99(i)), finite(p50(i)));
            if (v > max) max = v;
        }
        return max;
    }

    /** The smallest finite positive p50 among samples at or after {@code sinceMicros}, +inf if none. */
    public double minP50Since(long sinceMicros) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (atMicros(i) < sinceMicros) continue;
            double v = p50(i);
            if (Double.isFinite(v) && v > 0 && v < min) min = v;
        }
        return min;
    }

    /** A round top for a ms axis at or above {@code v}: 1, 2, 5 times a power of ten. */
    public static double niceCeiling(double v) {
        if (!(v > 0)) return 10;
        double pow = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow >= v) return m * pow;
        }
        return 10 * pow;
    }

    private int index(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        return (start + i) % at.length;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
