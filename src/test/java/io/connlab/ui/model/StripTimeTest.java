package io.connlab.ui.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripTimeTest {
    private static final long S = 1_000_000;

    @Test
    void followsTheClockDuringARunAndHoldsItsLastMomentAfter() {
        StripTime t = new StripTime(5 * S);
        assertEquals(100 * S, t.now(false, 100 * S), "before any run: now");
        assertEquals(200 * S, t.now(true, 200 * S));
        assertEquals(230 * S, t.now(true, 230 * S));
        assertEquals(230 * S, t.now(false, 240 * S), "frozen on the run's last moment");
        assertEquals(230 * S, t.now(false, 900 * S));
        assertTrue(t.frozen());

        t.scrollBack(10 * S);
        assertEquals(220 * S, t.now(false, 901 * S));
        t.scrollBack(1000 * S); // no further back than the run's first window
        assertEquals(205 * S, t.now(false, 902 * S));
        t.scrollBack(-1000 * S);
        assertEquals(230 * S, t.now(false, 903 * S));

        t.scrollBack(3 * S);
        assertEquals(300 * S, t.now(true, 300 * S), "a new run starts at now, unscrolled");
        assertFalse(t.frozen());
    }
}
