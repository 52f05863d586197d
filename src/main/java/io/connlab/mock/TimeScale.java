package io.connlab.mock;

import java.time.Duration;

/**
 * Divides the gateway's and Lambda's real-world durations so a lesson can show a
 * 10-minute idle timeout in 10 seconds: {@code new TimeScale(60).scale(10 min) == 10 s}.
 */
public record TimeScale(double factor) {
    public static final TimeScale REAL = new TimeScale(1);

    public TimeScale {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time scale must be a number >= 1, got " + factor);
        }
    }

    public Duration scale(Duration real) {
        return Duration.ofNanos(Math.max(1, Math.round(real.toNanos() / factor)));
    }

    public long scaleMillis(long realMillis) {
        return Math.max(1, Math.round(realMillis / factor));
    }
}
