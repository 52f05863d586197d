package io.connlab.metrics;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * A lane's recent history, one point per interval (a second by default): deliveries per
 * second, median and p99 latency. A fixed-size ring: the oldest point goes when it is full.
 * Filled on the reader side (each {@link LaneMetrics#snapshot()} offers what arrived since the
 * last one); a point closes at the first offer at least one interval after the point began,
 * so its start and end say exactly what it covers.
 */
public final class TimeSeries {

    /** One interval: {@code delivered} messages between start and end, and their latency (ms, NaN if none). */
    public record Point(long startMicros, long endMicros, long delivered, double perSecond, double p50Ms, double p99Ms) {
    }

    private final Point[] ring;
    private final long intervalMicros;
    private final Histogram current = new Histogram(1, LatencyRecorder.HIGHEST_MICROS, 3);
    private int size;
    private int head;
    private long intervalStart;
    private long deliveredAtStart;

    /**
     * @param capacity       how many points to keep (600 one-second points = the last ten minutes)
     * @param intervalMicros how long one point covers
     * @param startMicros    when the first interval begins
     */
    public TimeSeries(int capacity, long intervalMicros, long startMicros) {
        if (capacity < 1 || intervalMicros < 1) {
            throw new IllegalArgumentException("capacity and interval must be positive");
        }
        this.ring = new Point[capacity];
        this.intervalMicros = intervalMicros;
        this.intervalStart = startMicros;
    }

    /**
     * Adds what happened since the last offer: the lane's running delivered count and the
     * latencies (microseconds) recorded since then. Closes the current point if its interval is over.
     */
    public synchronized void offer(long nowMicros, long deliveredTotal, AbstractHistogram latencyMicros) {
        if (latencyMicros != null) {
            current.add(latencyMicros);
        }
        long elapsed = nowMicros - intervalStart;
        if (elapsed < intervalMicros) {
            return;
        }
        long delivered = deliveredTotal - deliveredAtStart;
        boolean any = current.getTotalCount() > 0;
        Point p = new Point(intervalStart, nowMicros, delivered, delivered * 1_000_000.0 / elapsed,
                any ? current.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                any ? current.getValueAtPercentile(99) / 1000.0 : Double.NaN);
        ring[(head + size) % ring.length] = p;
        if (size < ring.length) {
            size++;
        } else {
            head = (head + 1) % ring.length;
        }
        current.reset();
        intervalStart = nowMicros;
        deliveredAtStart = deliveredTotal;
    }

    /** The points held, oldest first. */
    public synchronized List<Point> points() {
        List<Point> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(head + i) % ring.length]);
        }
        return out;
    }

    /** The newest closed point, or null before the first interval ends. */
    public synchronized Point latest() {
        return size == 0 ? null : ring[(head + size - 1) % ring.length];
    }

    public int capacity() {
        return ring.length;
    }

    public long intervalMicros() {
        return intervalMicros;
    }
}
