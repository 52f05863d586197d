package io.connlab.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The publish schedule's plan, checked without waiting: 30 s at 20/s is 600 messages, not 601. */
class TickPlanTest {

    private static long messages(TickPlan plan) {
        long k = 0;
        while (plan.due(k)) k++;
        return k;
    }

    @Test
    void thirtySecondsAtTwentyPerSecondIsSixHundredMessages() {
        long end = Duration.ofSeconds(30).toNanos();
        assertEquals(600, messages(TickPlan.of(0, 20, end)));
        assertEquals(30, messages(TickPlan.of(0, 1, end)));
        assertEquals(1_500, messages(TickPlan.of(0, 50, end)));
        assertEquals(7, messages(TickPlan.of(0, 3, Duration.ofSeconds(2).toNanos()))); // 0, 333, …, 1998 ms
    }

    @Test
    void aRateChangeMidRunKeepsTheEnd() {
        long end = Duration.ofSeconds(30).toNanos();
        // 10 s at 20/s (ticks due at 0..9950 ms), then 40/s from 10 s to the end
        TickPlan first = TickPlan.of(0, 20, Duration.ofSeconds(10).toNanos());
        TickPlan second = TickPlan.of(Duration.ofSeconds(10).toNanos(), 40, end);
        assertEquals(200 + 800, messages(first) + messages(second));
    }
}
