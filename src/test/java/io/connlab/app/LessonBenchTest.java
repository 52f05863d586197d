package io.connlab.app;

import io.connlab.fixtures.CommandRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --lesson}: runs a lesson's experiments on the mock and says whether each observation held. */
class LessonBenchTest {
    private final CommandRun cli = new CommandRun();

    @Test
    void runsALessonsExperimentAndPrintsItsObservationAndWhetherItHeld() {
        int code = cli.execute("bench", "--lesson", "going-live");
        assertEquals(0, code, cli.all());
        String text = cli.out();
        assertTrue(text.contains("7.1 chat-sample-path"), text);
        assertTrue(text.contains("HELD  websocket.lost == 0 && websocket.delivered == 3 * run.published"), text);
        assertTrue(text.contains("websocket.lost = 0"), text);
        assertTrue(text.contains("2 of 2 observations held"), text);
    }

    @Test
    void oneExperimentByLessonNumberAndItsTimedFault() {
        int code = cli.execute("bench", "--lesson", "2", "--experiment", "2"); // 2.2 too-big (2.1 is fan-out)
        assertEquals(0, code, cli.all());
        assertTrue(cli.out().contains("websocket.closes[1009] = 1"), cli.out());
        assertTrue(cli.err().contains("at 3 s: send 200 KB on websocket"), cli.err());
    }

    @Test
    void anUnknownLessonOrExperimentIsRefusedWithTheChoices() {
        assertEquals(2, cli.execute("bench", "--lesson", "nope"));
        assertTrue(cli.err().contains("no lesson 'nope'; the lessons are: 1 serverless-connections"), cli.err());
        assertEquals(2, cli.execute("bench", "--lesson", "going-live", "--experiment", "5"));
        assertTrue(cli.err().contains("has experiments 1..2, not 5"), cli.err());
        assertEquals(2, cli.execute("bench", "--lesson", "all", "--experiment", "1"));
        assertTrue(cli.err().contains("--experiment needs one lesson, not all"), cli.err());
        assertEquals(2, cli.execute("bench", "--experiment", "1"));
        assertTrue(cli.err().contains("--experiment needs --lesson"), cli.err());
    }
}
