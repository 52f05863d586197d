package io.connlab.lane;

import io.connlab.metrics.LaneRecorder.Invocation;
import io.connlab.metrics.LaneState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsing and estimating the lanes do on every message, checked without a server. */
class WireFormatsTest {

    @Test
    void pollAnswerIsRead() throws IOException {
        PollResult a = PollResult.parse(bytes("""
                {"cursor": 12, "messages": [{"seq": 11, "data": "a", "publishedAt": 5},
                                            {"seq": 12, "data": "{\\"run\\":\\"r\\"}", "extra": [1, {"x": 2}]}],
                 "gap": true, "unknown": {"deep": [1]}}"""));
        assertEquals(12, a.cursor());
        assertTrue(a.gap());
        assertEquals(List.of(new PollResult.Message(11, "a"), new PollResult.Message(12, "{\"run\":\"r\"}")), a.messages());
        PollResult empty = PollResult.parse(bytes("{\"cursor\":3,\"messages\":[],\"gap\":false}"));
        assertEquals(3, empty.cursor());
        assertTrue(empty.messages().isEmpty());
        assertFalse(empty.gap());
    }

    @Test
    void badPollAnswersAreRefusedNotGuessed() {
        for (String bad : List.of("", "[]", "{\"messages\":[]}", "{\"cursor\":\"7\"}", "{\"cursor\":1,\"messages\":[1]}",
                "{\"cursor\":1,\"messages\":{}}", "{\"cursor\":1,\"messages\":[{\"seq\":1", "<html>504</html>")) {
            assertThrows(IOException.class, () -> PollResult.parse(bytes(bad)), bad);
        }
    }

    @Test
    void invocationAnswersGetStableErrorKinds() {
        Invocation ok = InvocationAnswer.parse(200, null, bytes("""
                {"container":"c-1","coldStart":true,"initMs":250.5,"connectMs":12,"queryMs":1.5,"totalMs":264,
                 "dbConnections":3,"dbMaxConnections":100}"""), 270);
        assertEquals("c-1", ok.container());
        assertTrue(ok.coldStart());
        assertEquals(250.5, ok.initMs());
        assertEquals(3, ok.dbConnections());
        assertEquals(100, ok.dbMaxConnections());
        assertEquals(270, ok.roundTripMs());
        assertFalse(ok.failed());
        assertNull(ok.errorKind());

        Invocation tooMany = InvocationAnswer.parse(500, null, bytes("""
                {"container":"c-2","error":"FATAL: sorry, too many clients already","errorCode":"53300",
                 "dbConnections":100,"dbMaxConnections":100}"""), 5);
        assertEquals("db-too-many-clients", tooMany.errorKind());
        assertTrue(tooMany.error().contains("too many clients"));
        assertEquals("db-too-many-clients",
                InvocationAnswer.parse(500, null, bytes("{\"error\":\"x\",\"errorCode\":53300}"), 1).errorKind());

        Invocation throttled = InvocationAnswer.parse(429, "TooManyRequestsException",
                bytes("{\"message\":\"Rate Exceeded.\"}"), 1);
        assertEquals("throttled", throttled.errorKind());
        assertEquals("Rate Exceeded.", throttled.error());

        assertEquals("function-error", InvocationAnswer.parse(500, null, bytes("{\"error\":\"boom\"}"), 1).errorKind());
        assertEquals("http-502", InvocationAnswer.parse(502, null, bytes("Bad Gateway"), 1).errorKind());
        assertEquals("bad-response", InvocationAnswer.parse(200, null, bytes("not json"), 1).errorKind());
    }

    @Test
    void gatewayAnswersAreRecognised() {
        assertTrue(WebSocketLane.isGatewayAnswer(
                "{\"message\": \"Forbidden\", \"connectionId\":\"abc=\", \"requestId\":\"def=\"}"));
        assertTrue(WebSocketLane.isGatewayAnswer(
                " {\"message\":\"Internal server error\",\"connectionId\":\"a\",\"requestId\":\"b\"}"));
        assertFalse(WebSocketLane.isGatewayAnswer("{\"message\": \"Forbidden\"}"));
        assertFalse(WebSocketLane.isGatewayAnswer("hi, the message is Forbidden connectionId requestId"));
        assertFalse(WebSocketLane.isGatewayAnswer(RunMessage.format("r", 1, 1, 300)));
        assertEquals("abc=", WebSocketLane.connectionIdIn("{\"message\": \"Forbidden\", \"connectionId\":\"abc=\", \"requestId\":\"d\"}"));
        assertNull(WebSocketLane.connectionIdIn("{\"message\": \"Forbidden\"}"));
    }

    @Test
    void wireTextHelpers() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", WireText.jsonString("a\"b\\c\n\u0001"));
        assertEquals(1 + 2 + 3 + 4, WireText.utf8Length("a\u00e9\u20ac\uD83D\uDE00"));
        assertEquals(2 + 125, WireText.frameBytes(125, false));
        assertEquals(4 + 4 + 126, WireText.frameBytes(126, true));
        assertEquals(10 + 70_000, WireText.frameBytes(70_000, false));
    }

    @Test
    void requestsAreEncodedByteForByteAsCounted() {
        try (LaneHttpClient http = new LaneHttpClient(URI.create("http://127.0.0.1:8080"), "test-encode", Duration.ofSeconds(1), null)) {
            assertEquals("GET /dev/poll?cursor=3&wait=20 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\n"
                            + "User-Agent: connlab\r\n\r\n",
                    new String(http.encode("GET", "/dev/poll?cursor=3&wait=20", null, new byte[0]), StandardCharsets.ISO_8859_1));
            assertEquals("POST /dev/invoke?mode=pooled HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\n"
                            + "User-Agent: connlab\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                    new String(http.encode("POST", "/dev/invoke?mode=pooled", "application/json", "{}".getBytes(StandardCharsets.US_ASCII)),
                            StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void waitParameterIsWholeSecondsWhenItCan() {
        assertEquals("20", PollingLane.waitParam(Duration.ofSeconds(20)));
        assertEquals("0", PollingLane.waitParam(Duration.ZERO));
        assertEquals("0.500", PollingLane.waitParam(Duration.ofMillis(500)));
    }

    @Test
    void laneStateSummary() {
        LaneState[] s = {LaneState.OPEN, LaneState.RECONNECTING, LaneState.CONNECTING};
        assertEquals(LaneState.RECONNECTING, Lane.summarize(3, i -> s[i], false, LaneState.OPEN));
        assertEquals(LaneState.STOPPED, Lane.summarize(3, i -> s[i], true, LaneState.OPEN));
        assertEquals(LaneState.HOLDING, Lane.summarize(1, i -> LaneState.OPEN, false, LaneState.HOLDING));
        assertEquals(LaneState.FAILED, Lane.summarize(2, i -> LaneState.FAILED, false, LaneState.OPEN));
        assertEquals(LaneState.OPEN, Lane.summarize(2, i -> i == 0 ? LaneState.FAILED : LaneState.OPEN, false, LaneState.OPEN));
    }

    @Test
    void poolModesByWireName() {
        assertEquals(PoolMode.UNPOOLED, PoolMode.parse(" Unpooled "));
        assertEquals("proxy", PoolMode.PROXY.wireName());
        assertThrows(IllegalArgumentException.class, () -> PoolMode.parse("shared"));
    }

    @Test
    void settingsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketLane.Settings.of("r", 0));
        assertThrows(IllegalArgumentException.class, () -> WebSocketLane.Settings.of("bad id", 1));
        assertThrows(IllegalArgumentException.class, () -> PoolLane.Settings.of(PoolMode.POOLED, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> PoolLane.Settings.of(PoolMode.POOLED, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ShortPollLane.Settings.of("r", 1).withInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LongPollLane("ftp://x/poll", LongPollLane.Settings.of("r", 1), new RecordingRecorder()));
        assertThrows(IllegalArgumentException.class, () -> new WebSocketLane(URI.create("http://x/dev"), WebSocketLane.Settings.of("r", 1), new RecordingRecorder()));
        assertEquals(Duration.ofSeconds(5), WebSocketLane.Settings.of("r", 1).withTimeScale(60).heartbeatInterval());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
