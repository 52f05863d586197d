package io.connlab.lesson;

import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson files: what a header and an experiment block hold, and the answer a mistake gets (file and line). */
class LessonParserTest {
    static final String EXPERIMENT = """
            ```experiment
            id: drop
            title: The same drop
            lanes: websocket, pool
            pool-modes: proxy
            rate: 20/s
            size: 1 KB
            duration: 6 s
            clients: 2
            rtt: 100 ms
            jitter: 10 ms
            time-scale: 60
            max-connections: 5
            heartbeat: 2 s
            at 4 s: stop database for 1 s
            at 3 s: drop all
            at 2 s: send 40 KB on websocket
            question: Which?
            choice: One
            choice: Two
            answer: 2
            observe: websocket.lost > 0 && proxy.failed == 0
            why: The drop cuts the socket; the proxy's pool outlives the pause.
            ```
            """;

    static String lesson(String header, String body) {
        return "---\n" + header + "\n---\n\n# Title\n\nSome text.\n\n" + body;
    }

    static final String HEADER = "id: demo\ntitle: A demo\norder: 3\nlanes: websocket, proxy\nexperiments: drop";

    @Test
    void readsTheHeaderTheBodyAndTheExperimentWhereItStands() {
        Lesson l = LessonParser.parse("en", "03-demo.md", lesson(HEADER, EXPERIMENT));
        assertEquals("demo", l.id());
        assertEquals(3, l.order());
        assertEquals(EnumSet.of(Technique.WEBSOCKET, Technique.POOL_PROXY), l.lanes());
        assertTrue(l.body().startsWith("\n# Title"), l.body());
        assertEquals(8, l.bodyLine());
        Experiment e = l.experiment("drop");
        assertEquals("The same drop", e.title());
        Preset p = e.preset();
        assertEquals(EnumSet.of(Technique.WEBSOCKET, Technique.POOL_PROXY), p.run().lanes());
        assertEquals(1024, p.run().payloadBytes());
        assertEquals(Duration.ofSeconds(2), p.run().heartbeatInterval());
        assertEquals(new BackendSetup(60, 100, 10, 5), p.backend());
        assertEquals("[at 2 s: send 40 KB on websocket, at 3 s: drop all, at 4 s: stop database for 1 s]", p.faults().toString());
        assertEquals(1, e.prediction().answer());
        assertEquals("websocket.lost > 0 && proxy.failed == 0", e.observation().source());
        assertEquals("[at 1 s: pause publishing for 2 s]", LessonParser.parse("en", "03-demo.md", lesson(HEADER, EXPERIMENT
                .replaceAll("at \\d s: .*\\n", "").replace("duration: 6 s", "duration: 6 s\nat 1 s: pause publishing for 2 s")))
                .experiment("drop").preset().faults().toString());
        assertEquals("The drop cuts the socket; the proxy's pool outlives the pause.", e.why());
        assertNull(LessonParser.parse("en", "03-demo.md", lesson(HEADER, EXPERIMENT.replaceAll("why: .*\n", "")))
                .experiment("drop").why(), "a card may go without its why");
        assertEquals("drop", LessonMarkdown.experimentId(LessonMarkdown.parse(l.body()).getLastChild()));
        assertNull(LessonMarkdown.experimentId(LessonMarkdown.parse("```java\nid: x\n```").getFirstChild()));
        assertEquals("assets/lessons/a.png", l.resolve("../../assets/lessons/a.png"));
        assertEquals("lessons/en/04-next.md", l.resolve("04-next.md#part"));
        assertNull(l.resolve("https://example.com/x"));
        assertNull(l.resolve("../../../outside.md"));
    }

    @Test
    void mistakesAreRefusedWithFileAndLine() {
        refused(lesson(HEADER, EXPERIMENT.replace("rate: 20/s", "rate: fast")),
                "lessons/en/03-demo.md: line 18: rate: 'fast' is not a whole number");
        refused(lesson(HEADER, EXPERIMENT.replace("clients: 2", "colour: red")), "unknown key 'colour'");
        refused(lesson(HEADER, EXPERIMENT.replace("answer: 2", "answer: 3")), "answer must be 1..2");
        refused(lesson(HEADER, EXPERIMENT.replace("observe: websocket.lost > 0", "observe: websocket.lots > 0")), "unknown figure 'lots'");
        refused(lesson(HEADER, EXPERIMENT.replace("at 3 s: drop all", "at 3 s: drop everything")), "unknown action 'drop everything'");
        refused(lesson(HEADER, EXPERIMENT.replace("at 3 s: drop all", "at 3 s: pause publishing for ever")), "is not a pause like 3 s");
        refused(lesson(HEADER, EXPERIMENT.replace("at 3 s: drop all", "at 9 s: drop all")), "comes after the run ends");
        refused(lesson(HEADER, EXPERIMENT.replace("rate: 20/s", "rate: 20000/s")), "rate must be 1..10000");
        refused(lesson(HEADER, EXPERIMENT.replace("time-scale: 60", "time-scale: 6000")), "time-scale must be 1..600");
        refused(lesson(HEADER, EXPERIMENT.replace("lanes: websocket, pool", "lanes: pool")), "needs the websocket lane");
        refused(lesson(HEADER, EXPERIMENT.replace("question: Which?\n", "")), "'question' is missing");
        refused(lesson(HEADER, EXPERIMENT.replace("why: ", "why: One.\nwhy: ")), "why is given twice");
        refused(lesson(HEADER.replace("experiments: drop", "experiments: drop, other"), EXPERIMENT), "lists experiments [drop, other]");
        refused(lesson(HEADER.replace("order: 3", "order: 4"), EXPERIMENT), "must be named 04-demo.md");
        refused(lesson(HEADER.replace("title: A demo\n", ""), EXPERIMENT), "the header has no title");
        refused("# no header\n", "a lesson starts with its header");
    }

    private static void refused(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LessonParser.parse("en", "03-demo.md", text));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
