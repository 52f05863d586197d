package io.connlab.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --lesson}: runs a lesson's experiments on the mock and says whether each observation held. */
class LessonBenchTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void runsALessonsExperimentAndPrintsItsObservationAndWhetherItHeld() {
        int code = run("bench", "--lesson", "going-live");
        assertEquals(0, code, out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("7.1 chat-sample-path"), text);
        assertTrue(text.contains("HELD  websocket.lost == 0 && websocket.delivered == 3 * run.published"), text);
        assertTrue(text.contains("websocket.lost = 0"), text);
        assertTrue(text.contains("2 of 2 observations held"), text);
    }

    @Test
    void oneExperimentByLessonNumberAndItsTimedFault() {
        int code = run("bench", "--lesson", "2", "--experiment", "1");
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains("websocket.closes[1009] = 1"), out.toString());
        assertTrue(err.toString().contains("at 3 s: send 200 KB on websocket"), err.toString());
    }

    @Test
    void anUnknownLessonOrExperimentIsRefusedWithTheChoices() {
        assertEquals(2, run("bench", "--lesson", "nope"));
        assertTrue(err.toString().contains("no lesson 'nope'; the lessons are: 1 serverless-connections"), err.toString());
        assertEquals(2, run("bench", "--lesson", "going-live", "--experiment", "5"));
        assertTrue(err.toString().contains("has experiments 1..2, not 5"), err.toString());
        assertEquals(2, run("bench", "--lesson", "all", "--experiment", "1"));
        assertTrue(err.toString().contains("--experiment needs one lesson, not all"), err.toString());
        assertEquals(2, run("bench", "--experiment", "1"));
        assertTrue(err.toString().contains("--experiment needs --lesson"), err.toString());
    }
}
