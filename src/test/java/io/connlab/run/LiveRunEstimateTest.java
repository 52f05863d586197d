package io.connlab.run;

import io.connlab.metrics.CostModel;
import io.connlab.metrics.Prices;
import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forecast shown before a live run, and when it asks for a confirmation. */
class LiveRunEstimateTest {
    static RunSettings settings(int rate, int seconds, int clients, Technique... lanes) {
        return new RunSettings(rate, 256, Duration.ofSeconds(seconds), clients, EnumSet.of(lanes[0], lanes),
                PublishPath.SNS, Duration.ofSeconds(1), Duration.ofSeconds(20));
    }

    static double line(LiveRunEstimate e, String item) {
        return e.cost().lines().stream().filter(l -> l.item().equals(item)).mapToDouble(CostModel.Line::dollars).sum();
    }

    @Test
    void theDefaultRunIsCheapAndStartsWithoutAsking() {
        RunSettings s = RunSettings.defaults();
        LiveRunEstimate e = LiveRunEstimate.of(s, Prices.CURRENT, LiveRunEstimate.DEFAULT_CONFIRM_ABOVE_DOLLARS);
        assertTrue(e.cost().dollars() > 0 && e.cost().dollars() < 0.01, e.summary(s));
        assertFalse(e.needsConfirmation());
        assertTrue(e.summary(s).startsWith("about $0.00"), e.summary(s));
    }

    @Test
    void aBigRunAsksFirst() {
        RunSettings s = settings(1000, 600, 200, Technique.WEBSOCKET, Technique.LONG_POLL);
        LiveRunEstimate e = LiveRunEstimate.of(s, Prices.CURRENT, LiveRunEstimate.DEFAULT_CONFIRM_ABOVE_DOLLARS);
        assertTrue(e.needsConfirmation(), e.summary(s));
        // 600,000 messages to 200 WebSocket clients: 120 M WebSocket messages at $1 per million
        assertEquals(120.0, line(e, "WebSocket messages"), 1e-6);
    }

    @Test
    void aLongPollPaysForItsHeldFunctionAndTheThresholdIsTheUsers() {
        RunSettings s = settings(1, 3600, 10, Technique.LONG_POLL);
        LiveRunEstimate e = LiveRunEstimate.of(s, Prices.CURRENT, 100);
        // 10 clients x 1 h held at 256 MB = 9,000 GB-s, plus the fan-out function's short runs
        assertTrue(line(e, "Lambda duration") > 9000 * Prices.CURRENT.lambdaGbSecond(), e.cost().lines().toString());
        assertFalse(e.needsConfirmation(), "below the user's own threshold");
    }
}
