package io.connlab.lane;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void ceilingDoublesUpToTheCap() {
        assertEquals(100, backoff.ceilingMillis(1));
        assertEquals(200, backoff.ceilingMillis(2));
        assertEquals(400, backoff.ceilingMillis(3));
        assertEquals(3200, backoff.ceilingMillis(6));
        assertEquals(5000, backoff.ceilingMillis(7));
        assertEquals(5000, backoff.ceilingMillis(1_000_000)); // no overflow
        assertEquals(100, backoff.ceilingMillis(0));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertEquals(0, backoff.delayMillis(3, () -> 0.0));
        assertEquals(200, backoff.delayMillis(3, () -> 0.5));
        assertEquals(400, backoff.delayMillis(3, () -> 1.0));
        for (int i = 0; i < 1000; i++) {
            long d = backoff.delayMillis(4);
            assertTrue(d >= 0 && d <= 800, "delay " + d);
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(null, Duration.ofSeconds(1)));
    }
}
