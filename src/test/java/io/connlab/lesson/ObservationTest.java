package io.connlab.lesson;

import io.connlab.metrics.LaneMetrics;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Observations: what they may say, what they refuse, and how they judge a run's figures. */
class ObservationTest {

    /** A WebSocket lane that saw one 1009 close and 3 deliveries; a long poll with one 504 and 5 deliveries. */
    private static RunFigures figures() {
        LaneMetrics ws = new LaneMetrics("WebSocket", Technique.WEBSOCKET, 1, null);
        LaneMetrics lp = new LaneMetrics("Long poll", Technique.LONG_POLL, 1, null);
        long now = io.connlab.metrics.Clock.nowMicros();
        for (long seq = 1; seq <= 5; seq++) {
            ws.published(seq, now - 50_000);
            lp.published(seq, now - 20_000);
            lp.delivered(0, seq, now - 20_000, now);
            if (seq <= 3) ws.delivered(0, seq, now - 50_000, now);
        }
        ws.connectionOpened(0);
        ws.connectionClosed(0, 1009, "Message too big");
        lp.responseReceived(0, 504, 100, 0);
        lp.error(0, "http-504", "Endpoint request timed out");
        Map<Technique, LaneSnapshot> lanes = Map.of(Technique.WEBSOCKET, ws.finalSnapshot(), Technique.LONG_POLL, lp.finalSnapshot());
        return new RunFigures(lanes, 5, 0);
    }

    @Test
    void comparesFiguresAndReportsTheOnesItRead() {
        Observation o = Observation.parse("websocket.closes[1009] >= 1 && longPoll.p50 < websocket.p50");
        Observation.Outcome out = o.evaluate(figures());
        assertTrue(out.held(), out.toString());
        assertEquals(List.of("websocket.closes[1009]", "longPoll.p50", "websocket.p50"), List.copyOf(out.figures().keySet()));
        assertEquals(1.0, out.figures().get("websocket.closes[1009]"));
        assertNull(out.problem());
    }

    @Test
    void keyedFiguresArithmeticAndPrecedence() {
        RunFigures f = figures();
        assertTrue(Observation.parse("longPoll.status[504] == 1 && longPoll.errors[\"http-504\"] == 1").evaluate(f).held());
        assertTrue(Observation.parse("longPoll.delivered == 5 && websocket.delivered + 2 == run.published").evaluate(f).held());
        assertTrue(Observation.parse("2 * websocket.delivered - 1 == 5").evaluate(f).held());
        assertTrue(Observation.parse("(websocket.delivered + 2) * 2 == 10").evaluate(f).held());
        // && binds tighter than ||: false && false || true
        assertTrue(Observation.parse("websocket.lost > 100 && websocket.lost > 200 || run.published == 5").evaluate(f).held());
        assertTrue(Observation.parse("!(websocket.closes[1000] > 0) && (websocket.closes[1009] == 1)").evaluate(f).held());
        assertFalse(Observation.parse("websocket.closes[1001] >= 1").evaluate(f).held());
        assertTrue(Observation.parse("websocket.errors[\"nothing-like-this\"] == 0").evaluate(f).held());
    }

    @Test
    void theVerdictOnAPredictionNeedsAnObservationThatHeld() {
        Prediction p = new Prediction("Which?", List.of("one", "two"), 1);
        Observation.Outcome held = new Observation.Outcome(true, Map.of(), null);
        assertEquals(Verdict.RIGHT, Verdict.of(p, 1, held));
        assertEquals(Verdict.WRONG, Verdict.of(p, 0, held));
        assertEquals(Verdict.NOT_SHOWN, Verdict.of(p, 1, new Observation.Outcome(false, Map.of(), null)));
        assertEquals(Verdict.NOT_SHOWN, Verdict.of(p, 1, new Observation.Outcome(false, Map.of(), "the proxy lane was not in this run")));
        assertEquals(Verdict.NOT_SHOWN, Verdict.of(p, 1, null));
    }

    @Test
    void aLatencyWithNoValueMakesEveryComparisonFalse() {
        LaneMetrics empty = new LaneMetrics("Short poll", Technique.SHORT_POLL, 1, null);
        RunFigures f = new RunFigures(Map.of(Technique.SHORT_POLL, empty.finalSnapshot()), 0, 0);
        assertFalse(Observation.parse("shortPoll.p50 > 0").evaluate(f).held());
        assertFalse(Observation.parse("shortPoll.p50 <= 0").evaluate(f).held());
        assertTrue(Double.isNaN(Observation.parse("shortPoll.p50 != 0").evaluate(f).figures().get("shortPoll.p50")));
    }

    @Test
    void aLaneThatWasNotInTheRunIsAProblemNotAFailure() {
        Observation.Outcome out = Observation.parse("unpooled.errors[\"db-too-many-clients\"] > 0").evaluate(figures());
        assertFalse(out.held());
        assertTrue(out.problem().contains("unpooled lane was not in this run"), out.problem());
    }

    @Test
    void refusesWhatIsNotAnObservationSayingWhere() {
        assertRefused("websocket.p50", "must compare");
        assertRefused("websocket.p42 > 1", "unknown figure 'p42'");
        assertRefused("socket.p50 > 1", "unknown lane 'socket'");
        assertRefused("websocket.closes[\"x\"] > 1", "takes a number");
        assertRefused("websocket.errors[3] > 1", "takes a kind in quotes");
        assertRefused("websocket.p50[3] > 1", "takes no [key]");
        assertRefused("websocket.p50 > 1 2", "unexpected '2'");
        assertRefused("websocket.p50 >", "ends too early");
        assertRefused("(websocket.p50 > 1) + 1 > 2", "unexpected '+'");
        assertRefused("websocket.p50 + (run.published > 1) > 2", "')' is expected");
        assertRefused("websocket.p50 > 1 && 3", "comparison is expected");
        assertRefused("java.lang.System.exit(1) > 0", "unknown lane 'java'");
        assertRefused("websocket.errors[\"open > 1", "closing \" is missing");
        assertRefused(" ", "is needed");
        assertRefused("run.p50 > 1", "run has published");
    }

    private static void assertRefused(String source, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Observation.parse(source));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
