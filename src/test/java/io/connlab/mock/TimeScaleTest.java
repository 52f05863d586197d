package io.connlab.mock;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeScaleTest {
    @Test
    void dividesRealDurations() {
        assertEquals(Duration.ofSeconds(10), new TimeScale(60).scale(Duration.ofMinutes(10)));
        assertEquals(29_000, TimeScale.REAL.scaleMillis(29_000));
    }

    @Test
    void refusesFactorsBelowOneAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> new TimeScale(0.5));
        assertThrows(IllegalArgumentException.class, () -> new TimeScale(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TimeScale(Double.POSITIVE_INFINITY));
    }
}
