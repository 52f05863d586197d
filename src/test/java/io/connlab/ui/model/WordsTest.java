package io.connlab.ui.model;

import io.connlab.metrics.EventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What app.engine says (fault outcomes, strip notes) reads right in both languages, clauses and plurals included. */
class WordsTest {
    private final String before = I18n.language();

    @AfterEach
    void restoreTheLanguage() {
        I18n.use(before);
    }

    private static Words dropped(int n, Words recovery) {
        return Words.of("outcome.dropped", n, recovery);
    }

    @Test
    void aFaultOutcomeInEnglish() {
        I18n.use("en");
        assertEquals("Dropped 5 WebSockets: 5 reconnected within 1.3 s, 3 messages lost",
                dropped(5, Words.of("outcome.reconnected", 5L, 1.28, 3L)).shown());
        assertEquals("Dropped 1 WebSocket: 1 reconnected within 0.4 s, 1 message lost",
                dropped(1, Words.of("outcome.reconnected", 1L, 0.4, 1L)).shown());
        assertEquals("Dropped 0 WebSockets", dropped(0, Words.NOTHING).shown());
        assertEquals("Stopped the database for 5 s; pooled: 0 failed invocations, unpooled: 12 failed invocations",
                Words.of("outcome.databaseStopped", 5L, Words.of("outcome.poolFailures", 0L, 12L)).shown());
        assertEquals("Burst: 100 connected, 0 refused with 429, 2 still opening",
                Words.of("outcome.burst", 100, 0, Words.NOTHING, Words.of("outcome.burstOpening", 2)).shown());
    }

    @Test
    void theSameOutcomeInChinese() {
        I18n.use("zh");
        assertEquals("已断开 5 个 WebSocket：1.3 秒内有 5 个重新连上，丢了 3 条消息",
                dropped(5, Words.of("outcome.reconnected", 5L, 1.28, 3L)).shown());
        assertEquals("后端已重启，用时 0.8 秒；WebSocket 方面：10 秒内一个也没有重新连上",
                Words.of("outcome.restarted", 0.8, Words.of("outcome.webSocketsAfterRestart",
                        Words.of("outcome.noneReconnected", 10L))).shown());
    }

    @Test
    void stripNotesFollowTheLanguageAndCodesStayCodes() {
        I18n.use("zh");
        assertEquals("空", StripLabels.shown("empty"));
        assertEquals("3 条", StripLabels.shown("3 msgs"));
        assertEquals("丢 2 条", StripLabels.shown("2 lost"));
        assertEquals("504", StripLabels.shown("504"));
        assertEquals("db-too-many-clients", StripLabels.shown("db-too-many-clients"));
        I18n.use("en");
        assertEquals("1 msg", StripLabels.shown("1 msg"));
        assertEquals("empty", StripLabels.shown("empty"));
    }

    @Test
    void aRunThatCannotReachItsBackendIsToldInTheWindowsLanguageAndInEnglishOnTheCommandLine() {
        var e = new io.connlab.run.RunException("Cannot reach the backend at wss://x.example (Connection refused). Is it running?",
                null, "error.unreachable", "wss://x.example", "Connection refused");
        I18n.use("zh");
        assertEquals("连不上 wss://x.example 上的后端（Connection refused）。它在运行吗？",
                io.connlab.ui.toolbar.RunControlModel.describe(new RuntimeException("wrapped", e)));
        I18n.use("en");
        assertEquals("cannot reach the backend at wss://x.example (Connection refused). Is it running?",
                io.connlab.ui.toolbar.RunControlModel.describe(e));
        assertEquals("Cannot reach the backend at wss://x.example (Connection refused). Is it running?", e.getMessage());
        assertEquals("the lanes did not connect within 15 s (their columns say how far they got). Is the backend at ws://h reachable?",
                I18n.t("error.notConnected", 15L, "ws://h"));
    }

    @Test
    void anEventLogLineKeepsWhatItWasMadeOf() {
        EventLog log = new EventLog(8);
        var m = new io.connlab.metrics.LaneMetrics("WebSocket", io.connlab.metrics.Technique.WEBSOCKET, 1, log);
        m.connectionClosed(0, 1009, "Message too big");
        EventLog.Event e = log.since(-1).get(0);
        assertEquals("closed 1009 Message too big", e.text());
        assertEquals(java.util.List.of(1009, "Message too big"), e.args());
    }
}
