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
        assertEquals("Throttles: 500 requests/s per stage, 10,000/s for all the account's APIs together, 500 new WebSocket"
                        + " connections/s. This run: about 51 requests/s to the HTTP API and 20 @connections posts/s, 1"
                        + " connections opened at up to 100/s.",
                LiveRunPrompt.throttles(LiveLoad.of(RunSettings.defaults())));
    }

    @Test
    void aRunOverTheStageIsToldToExpect429() {
        RunSettings s = new RunSettings(1200, 256, Duration.ofSeconds(30), 1, EnumSet.of(Technique.POOL_POOLED),
                PublishPath.SNS, null, null);
        String line = LiveRunPrompt.throttles(LiveLoad.of(s));
        assertTrue(line.contains("about 1,200 requests/s to the HTTP API"), line);
        assertTrue(line.endsWith("That is over the stage's 500 requests/s: expect 429 Too Many Requests."), line);
    }
}
