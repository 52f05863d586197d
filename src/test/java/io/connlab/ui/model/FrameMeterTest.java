package io.connlab.ui.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The frame meter's arithmetic, on pulses with made-up times. */
class FrameMeterTest {

    private static final long MS = 1_000_000;

    @Test
    void nothingRecordedIsAllZeros() {
        FrameStats s = new FrameMeter().stats();
        assertEquals(0, s.pulses());
        assertEquals(0, s.handlerMaxMs());
        assertEquals(0, s.pulsesPerSecond());
    }

    @Test
    void countsPulsesGapsAndLateOnes() {
        FrameMeter m = new FrameMeter();
        long t = 1_000 * MS;
        m.record(t, 1 * MS, MS / 2);
        long[] gaps = {16 * MS, 17 * MS, 16 * MS, 40 * MS, 16 * MS};
        for (long gap : gaps) {
            t += gap;
            m.record(t, 2 * MS, MS);
        }
        m.record(t + 20 * MS, 25 * MS, 3 * MS);
        FrameStats s = m.stats();
        assertEquals(7, s.pulses());
        assertEquals(2 + 1, s.lateOver16(), "17, 40 and 20 ms gaps");
        assertEquals(1, s.lateOver33());
        assertEquals(1, s.handlerOver16());
        assertEquals(25, s.handlerMaxMs(), 0.05);
        assertEquals(2, s.handlerP50Ms(), 0.01);
        assertEquals(1, s.cpuP50Ms(), 0.01);
        assertEquals(3, s.cpuMaxMs(), 0.01);
        assertEquals(40, s.intervalMaxMs(), 0.05);
        assertEquals(16, s.intervalP50Ms(), 0.05);
        assertEquals(125, s.spanMs(), 0.001);
        assertEquals(48, s.pulsesPerSecond(), 1e-9);
    }

    @Test
    void resetForgetsEverythingAndTheNextGapStartsFresh() {
        FrameMeter m = new FrameMeter();
        m.record(0, MS, MS);
        m.record(100 * MS, MS, MS);
        m.reset();
        m.record(5_000 * MS, MS, MS);
        m.record(5_016 * MS, MS, MS);
        FrameStats s = m.stats();
        assertEquals(2, s.pulses());
        assertEquals(0, s.lateOver16());
        assertEquals(16, s.intervalMaxMs(), 0.05);
    }

    @Test
    void absurdTimesAreClampedNotThrown() {
        FrameMeter m = new FrameMeter();
        m.record(0, -5, -5);
        m.record(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2);
        FrameStats s = m.stats();
        assertEquals(2, s.pulses());
        assertEquals(60_000, s.handlerMaxMs(), 60);
    }
}
