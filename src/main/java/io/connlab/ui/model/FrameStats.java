package io.connlab.ui.model;

/**
 * The window's frame figures since the meter was last reset: how many pulses the frame loop
 * saw, how long our own code took in each (p50, p99, max), how far apart consecutive pulses
 * were, and how many gaps were late. Times in milliseconds.
 *
 * @param pulses          calls of the frame loop
 * @param handlerP50Ms    our code's time per pulse, median
 * @param handlerOver16   pulses where our code alone took longer than a 60 Hz frame (16.7 ms)
 * @param cpuP50Ms        the FX thread's CPU time in our code per pulse, median (no waiting for a core)
 * @param intervalP50Ms   time between consecutive pulses, median (16.7 ms at 60 Hz)
 * @param lateOver16      gaps longer than one 60 Hz frame (16.7 ms); includes the timer's own jitter
 * @param lateOver33      gaps longer than two frames (33.3 ms): at least one frame was surely missed
 * @param spanMs          time from the first to the last pulse counted
 */
public record FrameStats(long pulses,
                         double handlerP50Ms, double handlerP99Ms, double handlerMaxMs, long handlerOver16,
                         double cpuP50Ms, double cpuP99Ms, double cpuMaxMs,
                         double intervalP50Ms, double intervalP99Ms, double intervalMaxMs,
                         long lateOver16, long lateOver33, double spanMs) {

    /** Nothing counted yet. */
    public static final FrameStats NONE = new FrameStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Pulses per second over the span (0 before two pulses). */
    public double pulsesPerSecond() {
        return spanMs <= 0 || pulses < 2 ? 0 : (pulses - 1) * 1000.0 / spanMs;
    }
}
