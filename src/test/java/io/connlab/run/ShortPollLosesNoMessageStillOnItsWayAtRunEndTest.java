package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression: a 1,000-client bench on a busy machine reported 3 of 151,000 short-poll messages
 * lost. None was: the run stopped waiting 2 short-poll intervals + 2 s after publishing ended,
 * while the polls that carried the last messages were still on their way (answers took up to
 * 15 s on that machine), and judged them lost. A cursor lane loses nothing it is not told about
 * (a gap): its late messages are waited for, up to the drain's bound.
 *
 * <p>Here every poll takes seconds (an added round trip of 2.5 s +/- 1.5 s), so the last answers
 * land well after the old 2.2 s wait.
 */
class ShortPollLosesNoMessageStillOnItsWayAtRunEndTest {

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults().withNetwork(2500, 1500));

    @Test
    void messagesStillOnTheirWayWhenPublishingEndsAreWaitedFor() throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(1, Duration.ofSeconds(1), 8, PublishPath.SNS,
                Duration.ofMillis(100), Technique.SHORT_POLL);
        try (RunController run = new RunController(profile, settings)) {
            run.start();
            // publishing (each publish crosses the delay) plus the drain's own bound: more than MockRuns.RUN_BOUND
            assertTrue(run.awaitEnd(Draining.MAX_DRAIN.multipliedBy(2)), "the run ended");
            assertEquals(RunController.Phase.FINISHED, run.phase(), run::failure);
            LaneSnapshot shortPoll = MockRuns.last(run, Technique.SHORT_POLL);
            String figures = MockRuns.describe(List.of(shortPoll));
            assertTrue(run.published() > 0, figures);
            assertEquals(0, shortPoll.lost(), figures);
            assertEquals(run.published() * 8, shortPoll.delivered(), figures);
        }
    }
}
