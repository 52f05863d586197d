package io.connlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static Histogram latencies(long... micros) {
        Histogram h = new Histogram(1, LatencyRecorder.HIGHEST_MICROS, 3);
        for (long m : micros) {
            h.recordValue(m);
        }
        return h;
    }

    @Test
    void aPointClosesOnceAnIntervalHasPassed() {
        TimeSeries ts = new TimeSeries(10, 1_000_000, 0);
        ts.offer(400_000, 5, latencies(2_000, 2_000));
        assertNull(ts.latest());
        ts.offer(1_000_000, 10, latencies(4_000));
        TimeSeries.Point p = ts.latest();
        assertEquals(0, p.startMicros());
        assertEquals(1_000_000, p.endMicros());
        assertEquals(10, p.delivered());
        assertEquals(10.0, p.perSecond(), 1e-9);
        assertEquals(2.0, p.p50Ms(), 0.01);
        assertEquals(4.0, p.p99Ms(), 0.01);
    }

    @Test
    void aLateOfferMakesOneLongerPointWithTheRightRate() {
        TimeSeries ts = new TimeSeries(10, 1_000_000, 0);
        ts.offer(2_500_000, 50, null);
        TimeSeries.Point p = ts.latest();
        assertEquals(2_500_000, p.endMicros());
        assertEquals(20.0, p.perSecond(), 1e-9);
        assertTrue(Double.isNaN(p.p50Ms()));
    }

    @Test
    void theRingKeepsOnlyTheNewestPoints() {
        TimeSeries ts = new TimeSeries(3, 1_000_000, 0);
        for (int second = 1; second <= 5; second++) {
            ts.offer(second * 1_000_000L, second * 100L, latencies(second * 1_000L));
        }
        List<TimeSeries.Point> points = ts.points();
        assertEquals(3, points.size());
        assertEquals(List.of(2_000_000L, 3_000_000L, 4_000_000L),
                points.stream().map(TimeSeries.Point::startMicros).toList());
        assertEquals(100, points.get(2).delivered());
        assertEquals(5.0, points.get(2).p50Ms(), 0.01);
    }
}
