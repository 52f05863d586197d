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

    @Test
    void eachFunctionIsPricedAtTheTemplatesMemory() {
        RunSettings s = settings(10, 100, 1, Technique.POOL_POOLED);
        LiveRunEstimate e = LiveRunEstimate.of(s, Prices.CURRENT, 100);
        // 1,000 invocations of 20 ms at the invoke function's 512 MB, 1,000 fan-outs of 30 + 0 ms at the SNS function's 256 MB
        double gbSeconds = 1000 * 0.020 * 512 / 1024.0 + 1000 * 0.030 * 256 / 1024.0;
        assertEquals(gbSeconds * Prices.CURRENT.lambdaGbSecond(), line(e, "Lambda duration"), 1e-12);
        assertEquals(512, io.connlab.metrics.LiveStack.SHIPPED.memoryMb("InvokeFunction"));
    }

    @Test
    void aRunOnTheDatabaseStackPaysItsStandingResourcesForItsDuration() {
        RunSettings pool = settings(10, 3600, 1, Technique.POOL_POOLED);
        double perHour = io.connlab.metrics.LiveStack.SHIPPED.standingDollarsPerHour();
        assertTrue(perHour > 0.05, "RDS, the proxy, the endpoint and the secret: " + perHour);
        assertEquals(perHour, line(LiveRunEstimate.of(pool, Prices.CURRENT, 100), LiveRunEstimate.STANDING), 1e-9);
        RunSettings noDatabase = settings(10, 3600, 1, Technique.WEBSOCKET);
        assertEquals(0, line(LiveRunEstimate.of(noDatabase, Prices.CURRENT, 100), LiveRunEstimate.STANDING));
    }
}
