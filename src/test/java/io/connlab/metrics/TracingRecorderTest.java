package io.connlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.connlab.metrics.WireEvent.Kind.*;
import static org.junit.jupiter.api.Assertions.*;

class TracingRecorderTest {

    /** Remembers every call by name, so forwarding can be checked. */
    static final class Calls implements LaneRecorder {
        final List<String> calls = new ArrayList<>();

        public void connectionOpened(int c) { calls.add("opened " + c); }
        public void connectionClosed(int c, int code, String r) { calls.add("closed " + c + " " + code); }
        public void reconnecting(int c, int a, long d) { calls.add("reconnecting " + c); }
        public void requestSent(int c, long b) { calls.add("request " + c + " " + b); }
        public void responseReceived(int c, int s, long b, int m) { calls.add("response " + c + " " + s); }
        public void delivered(int c, long seq, long s, long r) { calls.add("delivered " + c + " " + seq); }
        public void foreign(int c, long b) { calls.add("foreign " + c); }
        public void gap(int c, long m) { calls.add("gap " + c + " " + m); }
        public void error(int c, String k, String d) { calls.add("error " + c + " " + k); }
        public void invocation(int c, Invocation r) { calls.add("invocation " + c); }
    }

    private static List<WireEvent.Kind> kinds(WireTrace t) {
        return t.copySince(0).stream().map(WireEvent::kind).toList();
    }

    @Test
    void forwardsEveryCallForEveryClient() {
        Calls calls = new Calls();
        TracingRecorder r = new TracingRecorder(calls, new WireTrace(), TracingRecorder.Shape.ASK);
        for (int client : new int[] {0, 3}) {
            r.connectionOpened(client);
            r.requestSent(client, 10);
            r.responseReceived(client, 200, 20, 1);
            r.delivered(client, 7, 1, 2);
            r.foreign(client, 5);
            r.gap(client, 2);
            r.error(client, "timeout", "slow");
            r.reconnecting(client, 1, 100);
            r.invocation(client, null);
            r.connectionClosed(client, 1000, "bye");
        }
        assertEquals(20, calls.calls.size());
        assertTrue(calls.calls.contains("delivered 3 7"));
        assertTrue(calls.calls.contains("closed 3 1000"));
    }

    @Test
    void tracesOnlyClientZero() {
        WireTrace t = new WireTrace();
        TracingRecorder r = new TracingRecorder(new Calls(), t, TracingRecorder.Shape.ASK);
        r.requestSent(1, 10);
        r.responseReceived(2, 200, 10, 1);
        r.connectionOpened(5);
        assertEquals(0, t.appended());
        r.requestSent(0, 10);
        assertEquals(List.of(REQUEST), kinds(t));
    }

    @Test
    void aWebSocketFrameFromTheServerIsAPush() {
        WireTrace t = new WireTrace();
        TracingRecorder r = new TracingRecorder(new Calls(), t, TracingRecorder.Shape.PUSH);
        r.connectionOpened(0);
        r.requestSent(0, 40);
        r.responseReceived(0, 0, 300, 1);
        r.connectionClosed(0, 1006, "gone");
        assertEquals(List.of(CONNECT, REQUEST, PUSH, DROP), kinds(t));
        assertEquals("1006", t.copySince(0).get(3).label());
    }

    @Test
    void aLongPollIsHeldUntilItsAnswer() {
        WireTrace t = new WireTrace();
        TracingRecorder r = new TracingRecorder(new Calls(), t, TracingRecorder.Shape.HOLD);
        r.requestSent(0, 100);
        r.responseReceived(0, 200, 100, 0);
        r.requestSent(0, 100);
        r.responseReceived(0, 200, 900, 3);
        r.requestSent(0, 100);
        r.responseReceived(0, 504, 50, 0);
        List<WireEvent> e = t.copySince(0);
        assertEquals(List.of(HOLD_START, HOLD_END, HOLD_START, HOLD_END, HOLD_START, HOLD_END), kinds(t));
        assertEquals("empty", e.get(1).label());
        assertEquals("3 msgs", e.get(3).label());
        assertEquals("504", e.get(5).label());
    }

    @Test
    void aFunctionsAnswerIsNotCalledEmpty() {
        WireTrace t = new WireTrace();
        TracingRecorder r = new TracingRecorder(new Calls(), t, TracingRecorder.Shape.INVOKE);
        r.requestSent(0, 100);
        r.responseReceived(0, 200, 300, 0);
        List<WireEvent> e = t.copySince(0);
        assertEquals(List.of(REQUEST, RESPONSE), kinds(t));
        assertEquals(null, e.get(1).label());
    }

    @Test
    void shortPollErrorsGapsAndFailedInvocationsAreMarked() {
        WireTrace t = new WireTrace();
        TracingRecorder r = new TracingRecorder(new Calls(), t, TracingRecorder.Shape.ASK);
        r.responseReceived(0, 429, 10, 0);
        r.gap(0, 4);
        r.connectionClosed(0, 1000, "done");
        r.invocation(0, new LaneRecorder.Invocation("c1", false, 0, 0, 0, 0, 0, 100, 100,
                "db-too-many-clients", "sorry, too many clients already"));
        r.invocation(0, new LaneRecorder.Invocation("c1", false, 0, 0, 1, 1, 2, 3, 100, null, null));
        List<WireEvent> e = t.copySince(0);
        assertEquals(List.of(ERROR, DROP, CLOSE, ERROR), kinds(t));
        assertEquals("429", e.get(0).label());
        assertEquals("4 lost", e.get(1).label());
        assertEquals("db-too-many-clients", e.get(3).label());
    }

    @Test
    void missingPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TracingRecorder(null, new WireTrace(), TracingRecorder.Shape.ASK));
        assertThrows(IllegalArgumentException.class, () -> new TracingRecorder(new Calls(), null, TracingRecorder.Shape.ASK));
        assertThrows(IllegalArgumentException.class, () -> new TracingRecorder(new Calls(), new WireTrace(), null));
    }
}
