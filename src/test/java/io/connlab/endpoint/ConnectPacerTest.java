package io.connlab.endpoint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connect pacer on a clock the test moves: never more connects in a second than the rate plus the burst. */
class ConnectPacerTest {
    /** Time moves only when the pacer sleeps. */
    static final class FakeClock implements ConnectPacer.Clock {
        long now = 5_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }
    }

    @Test
    void a250ConnectRunAt100PerSecondTakesTwoAndAHalfSeconds() throws Exception {
        FakeClock clock = new FakeClock();
        ConnectPacer pacer = new ConnectPacer(100, 5, clock);
        List<Long> at = new ArrayList<>();
        long start = clock.now;
        for (int i = 0; i < 250; i++) {
            pacer.acquire();
            at.add(clock.now - start);
        }
        assertEquals(5, at.stream().filter(t -> t == 0).count(), "the burst goes at once");
        assertEquals(2_450_000_000L, at.get(249), "then one every 10 ms");
        for (int i = 0; i + 105 < at.size(); i++) {
            assertTrue(at.get(i + 105) - at.get(i) >= 1_000_000_000L, "more than rate + burst within one second at " + i);
        }
    }

    @Test
    void afterAPauseOnlyTheBurstGoesAtOnce() throws Exception {
        FakeClock clock = new FakeClock();
        ConnectPacer pacer = new ConnectPacer(10, 3, clock);
        for (int i = 0; i < 20; i++) pacer.acquire();
        clock.now += 60_000_000_000L; // a minute idle
        long before = clock.now;
        for (int i = 0; i < 4; i++) pacer.acquire();
        assertEquals(100_000_000L, clock.now - before, "three at once, the fourth waits one interval");
    }

    @Test
    void aRateAboveTheAccountLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConnectPacer(600, 1));
        assertTrue(e.getMessage().contains("1..500"), e.getMessage());
    }
}
