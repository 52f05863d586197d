package io.connlab.ui.model;

import org.HdrHistogram.IntCountsHistogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Counts the frame loop's pulses: the time our code spends in each (measured by the caller
 * around its handler, as wall time and as the thread's CPU time) and the gap since the
 * previous pulse, in HdrHistograms at microsecond resolution. Cheap enough to call every
 * frame: no allocation, one uncontended lock. Any thread may read {@link #stats()}.
 *
 * <p>Why CPU time too: on a busy machine the FX thread waits for a core, and that wait counts
 * in the wall time though our code did nothing; the CPU time is the work our code did.
 */
public final class FrameMeter {

    private static final long MAX_MICROS = 60_000_000;
    private static final long FRAME_NANOS = 16_667_000;
    private static final long TWO_FRAMES_NANOS = 33_333_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final IntCountsHistogram handler = new IntCountsHistogram(MAX_MICROS, 3);
    private final IntCountsHistogram handlerCpu = new IntCountsHistogram(MAX_MICROS, 3);
    private final IntCountsHistogram intervals = new IntCountsHistogram(MAX_MICROS, 3);
    private long pulses;
    private long handlerOver16;
    private long lateOver16;
    private long lateOver33;
    private long firstPulse;
    private long lastPulse;

    /** The calling thread's CPU time in nanoseconds, or 0 where the JVM cannot tell. */
    public static long threadCpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * One pulse.
     *
     * @param pulseNanos the pulse's time (the AnimationTimer's {@code now})
     * @param spentNanos how long our handler took (wall time)
     * @param cpuNanos   the FX thread's CPU time during our handler ({@link #threadCpuNanos()} after minus before)
     */
    public synchronized void record(long pulseNanos, long spentNanos, long cpuNanos) {
        if (pulses == 0) firstPulse = pulseNanos;
        else {
            long gap = pulseNanos - lastPulse;
            intervals.recordValue(micros(gap));
            if (gap > FRAME_NANOS) lateOver16++;
            if (gap > TWO_FRAMES_NANOS) lateOver33++;
        }
        pulses++;
        lastPulse = pulseNanos;
        handler.recordValue(micros(spentNanos));
        handlerCpu.recordValue(micros(cpuNanos));
        if (spentNanos > FRAME_NANOS) handlerOver16++;
    }

    /** Forgets everything counted so far (e.g. the start-up frames before a measurement). */
    public synchronized void reset() {
        handler.reset();
        handlerCpu.reset();
        intervals.reset();
        pulses = 0;
        handlerOver16 = 0;
        lateOver16 = 0;
        lateOver33 = 0;
        firstPulse = 0;
        lastPulse = 0;
    }

    public synchronized FrameStats stats() {
        return new FrameStats(pulses,
                ms(handler, 50), ms(handler, 99), maxMs(handler), handlerOver16,
                ms(handlerCpu, 50), ms(handlerCpu, 99), maxMs(handlerCpu),
                ms(intervals, 50), ms(intervals, 99), maxMs(intervals),
                lateOver16, lateOver33, pulses < 2 ? 0 : (lastPulse - firstPulse) / 1e6);
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(MAX_MICROS, nanos / 1000));
    }

    private static double ms(IntCountsHistogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double maxMs(IntCountsHistogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0;
    }
}
