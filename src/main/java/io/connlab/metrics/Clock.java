package io.connlab.metrics;

import java.time.Instant;

/** The one clock publisher and lanes share, so latency needs no clock sync (both run in this process). */
public final class Clock {
    private Clock() {
    }

    /** Wall-clock microseconds since the epoch. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
