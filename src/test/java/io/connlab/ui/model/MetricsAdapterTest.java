package io.connlab.ui.model;

import io.connlab.metrics.EventLog;
import io.connlab.metrics.LaneMetrics;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The real metrics types, turned into what the views show. */
class MetricsAdapterTest {

    @Test
    void aSnapshotBecomesTheFiguresOfItsColumn() {
        EventLog log = new EventLog(100);
        LaneMetrics ws = new LaneMetrics("WebSocket", Technique.WEBSOCKET, 1, log);
        LaneMetrics lp = new LaneMetrics("Long poll", Technique.LONG_POLL, 1, log);
        ws.connectionOpened(0);
        long now = io.connlab.metrics.Clock.nowMicros();
        ws.delivered(0, 1, now - 12_000, now);
        lp.requestSent(0, 100);
        lp.responseReceived(0, 200, 300, 0);
        LaneSnapshot s = ws.snapshot();
        LaneFigures f = MetricsAdapter.figures(s, LaneState.OPEN, "", null, null, Double.NaN);
        assertEquals(1, f.delivered());
        assertEquals(1, f.connections());
        assertTrue(f.p50Ms() > 5, "about 12 ms: " + f.p50Ms());
        assertNull(f.pool());
        assertTrue(Double.isNaN(f.recentP50Ms()));

        LaneFigures idle = MetricsAdapter.figures(lp.snapshot(), LaneState.CONNECTING, "wait 20 s", null, null, 0.5);
        assertEquals(LaneState.CONNECTING, idle.state());
        assertEquals("wait 20 s", idle.detail());
        assertEquals(1, idle.requests());
        assertEquals(0.5, idle.costPerMillion());
    }
}
