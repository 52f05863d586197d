package io.connlab.run;

import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveLoadTest {
    @Test
    void theDefaultRunSendsFewRequestsAgainstEveryThrottle() {
        LiveLoad l = LiveLoad.of(RunSettings.defaults());
        // long poll 1 x min(20, 10) + short poll 1 x 1/s + two pool lanes x 20/s
        assertEquals(10 + 1 + 40, l.httpRequestsPerSecond(), 1e-9);
        assertEquals(20, l.connectionPostsPerSecond(), 1e-9, "20 messages a second to one WebSocket client");
        assertEquals(1, l.webSocketConnections());
        assertEquals(40, l.invokesPerSecond(), 1e-9);
        assertEquals(2000, l.stageRequestsPerSecond(), "the template's HTTP stage throttle");
        assertEquals(500, l.invokeRequestsPerSecond(), "the template's /invoke route throttle");
        assertEquals(10_000, l.accountRequestsPerSecond());
        assertEquals(500, l.accountNewConnectionsPerSecond());
        assertFalse(l.overStage());
    }

    @Test
    void aBigPoolRunIsOverItsStageAndAWebSocketPublisherIsOneMoreReceiver() {
        RunSettings s = new RunSettings(600, 256, Duration.ofSeconds(30), 3,
                EnumSet.of(Technique.POOL_POOLED, Technique.WEBSOCKET), PublishPath.WEBSOCKET, null, null);
        LiveLoad l = LiveLoad.of(s);
        assertEquals(600, l.httpRequestsPerSecond(), 1e-9);
        assertTrue(l.overStage(), "600 invocations a second against /invoke's 500, under the stage's 2,000");
        assertEquals(500, l.passedLimit());
        assertEquals(600 * 4, l.connectionPostsPerSecond(), 1e-9, "three clients and the publisher's socket");
        assertEquals(3000, l.accountRequestsUsed(), 1e-9);
        assertFalse(l.overAccount());
    }

    @Test
    void aClassOfThirtyInRoomsPollsUnderTheStageButBothPoolLanesPassInvoke() {
        LiveLoad one = LiveLoad.of(RunSettings.defaults());
        double polls = 30 * (one.httpRequestsPerSecond() - one.invokesPerSecond());
        assertTrue(polls < one.stageRequestsPerSecond(), polls + " polls a second");
        assertTrue(30 * one.invokesPerSecond() > one.invokeRequestsPerSecond(), "1,200 invokes against 500: pool lanes in turns");
        assertEquals(12, (int) (one.invokeRequestsPerSecond() / one.invokesPerSecond()), "at most 12 students at once, as README says");
    }
}
