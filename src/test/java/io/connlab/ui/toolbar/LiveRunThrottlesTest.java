package io.connlab.ui.toolbar;

import io.connlab.metrics.Technique;
import io.connlab.run.LiveLoad;
import io.connlab.run.PublishPath;
import io.connlab.run.RunSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentence a live run's notice carries about throttles, with no FX toolkit. */
class LiveRunThrottlesTest {
    @Test
    void theDefaultRunSaysTheThrottlesAndItsShareOfThem() {
        assertEquals("Throttles: 2,000 requests/s on the HTTP stage (500 on /invoke), 10,000/s for all the account's APIs together, 500 new WebSocket"
                        + " connections/s. This run: about 51 requests/s to the HTTP API and 20 @connections posts/s, 1"
                        + " connections opened at up to 100/s.",
                LiveRunPrompt.throttles(LiveLoad.of(RunSettings.defaults())));
    }

    @Test
    void aPoolRunPastInvokesRouteIsToldToExpect429() {
        assertOver(1200, 1, Technique.POOL_POOLED, "1,200", "500");
    }

    @Test
    void pollsPastTheHttpStageAreToldItsLimit() {
        assertOver(20, 250, Technique.LONG_POLL, "2,500", "2,000");
    }

    private static void assertOver(int rate, int clients, Technique lane, String sent, String limit) {
        RunSettings s = new RunSettings(rate, 256, Duration.ofSeconds(30), clients, EnumSet.of(lane), PublishPath.SNS, null, null);
        String line = LiveRunPrompt.throttles(LiveLoad.of(s));
        assertTrue(line.contains("about " + sent + " requests/s to the HTTP API"), line);
        assertTrue(line.endsWith("That is over the throttle of " + limit + " requests/s: expect 429 Too Many Requests."), line);
    }
}
