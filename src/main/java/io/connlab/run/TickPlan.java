package io.connlab.run;

/**
 * When the run's timer numbers a message: tick k of a rate is due at {@code origin + k * period}
 * and publishes only while that moment is before the run's end. Judged by the tick's planned
 * moment, not by when the timer got to it, so 30 s at 20/s is 600 messages however late the
 * timer runs, and a rate change mid-run starts a new plan from its own origin.
 *
 * @param originNanos  when tick 0 is due ({@link System#nanoTime()} scale)
 * @param periodNanos  time between ticks
 * @param endNanos     the end of publishing: a tick due at or after it does not publish
 */
record TickPlan(long originNanos, long periodNanos, long endNanos) {

    static TickPlan of(long originNanos, int ratePerSecond, long endNanos) {
        return new TickPlan(originNanos, Math.max(1, 1_000_000_000L / ratePerSecond), endNanos);
    }

    /** Whether tick {@code k} (0, 1, …) publishes. */
    boolean due(long k) {
        return originNanos + k * periodNanos < endNanos;
    }
}
