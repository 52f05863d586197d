package io.connlab.lane;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (the AWS Architecture Blog's "Exponential Backoff
 * And Jitter"): attempt n waits a uniform random time in [0, min(cap, base * 2^(n-1))],
 * so a thousand clients dropped at once do not come back at once.
 */
public record Backoff(Duration base, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    public Backoff {
        if (base == null || cap == null || base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got base " + base + ", cap " + cap);
        }
    }

    /** The longest attempt {@code attempt} (1-based) may wait. */
    public long ceilingMillis(int attempt) {
        int shift = Math.min(Math.max(attempt, 1) - 1, 30); // 2^30 * base is past any sane cap
        long ceiling = base.toMillis() << shift;
        return ceiling < 0 ? cap.toMillis() : Math.min(cap.toMillis(), ceiling);
    }

    /** A delay for attempt {@code attempt}, with {@code random} giving values in [0, 1). */
    public long delayMillis(int attempt, DoubleSupplier random) {
        double r = random.getAsDouble();
        return Math.round(Math.max(0, Math.min(1, r)) * ceilingMillis(attempt));
    }

    public long delayMillis(int attempt) {
        return delayMillis(attempt, () -> ThreadLocalRandom.current().nextDouble());
    }
}
