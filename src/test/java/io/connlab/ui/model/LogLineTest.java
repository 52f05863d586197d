package io.connlab.ui.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLineTest {

    @Test
    void linesOfOneCauseFoldIntoOneWithTheirCountAndTheLatestText() {
        List<LogLine> lines = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        lines.add(new LogLine(t, "WebSocket: connected", false));
        for (int i = 0; i < 43; i++) {
            lines.add(new LogLine(t.plusSeconds(i), "Pool: pooled: function-error: database gone " + i, true,
                    "Pool: pooled: function-error", 1));
        }
        lines.add(new LogLine(t.plusSeconds(50), "backend: drop every WebSocket", false));
        List<LogLine> folded = LogLine.fold(lines);
        assertEquals(3, folded.size());
        LogLine errors = folded.get(1);
        assertEquals("Pool: pooled: function-error × 43", errors.shown());
        assertEquals("Pool: pooled: function-error: database gone 42", errors.text(), "the tooltip's full latest text");
        assertEquals(t.plusSeconds(42), errors.at());
        assertTrue(errors.error());
        assertEquals("WebSocket: connected", folded.get(0).shown());
        assertEquals("backend: drop every WebSocket", folded.get(2).shown(), "the newest last, where the list follows");
    }

    /** Issue 21: a cause that came back after other lines was folded into its first line, out of order. */
    @Test
    void onlyTheLineJustAboveTakesARepeat() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        List<LogLine> folded = LogLine.fold(List.of(
                new LogLine(t, "WebSocket: the connection was lost: SocketException: Connection reset", true, "WebSocket: the connection was lost", 1),
                new LogLine(t.plusSeconds(1), "WebSocket: connected again", false),
                new LogLine(t.plusSeconds(2), "WebSocket: the connection was lost: EOF", true, "WebSocket: the connection was lost", 1)));
        assertEquals(List.of("WebSocket: the connection was lost", "WebSocket: connected again", "WebSocket: the connection was lost"),
                folded.stream().map(LogLine::shown).toList());
        assertEquals("WebSocket: the connection was lost: EOF", folded.get(2).text(), "the detail, for the tooltip");
    }
}
