package io.connlab.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {
    private final AtomicLong now = new AtomicLong(0);

    private LaneMetrics lane(String name, Technique t) {
        return new LaneMetrics(name, t, 1, null, now::get, 10, Duration.ofSeconds(1));
    }

    private List<LaneSnapshot> twoLanes() {
        LaneMetrics ws = lane("WebSocket", Technique.WEBSOCKET);
        LaneMetrics poll = lane("Long poll, 20 s", Technique.LONG_POLL);
        ws.connectionOpened(0);
        poll.requestSent(0, 100);
        for (long s = 1; s <= 3; s++) {
            ws.published(s, 0);
            poll.published(s, 0);
        }
        ws.delivered(0, 1, 0, 12_000);
        ws.delivered(0, 2, 0, 12_000);
        ws.delivered(0, 2, 0, 12_000);
        ws.responseReceived(0, 0, 2048, 1);
        ws.bytesEstimated("frame = payload + header");
        poll.responseReceived(0, 200, 900, 3);
        for (long s = 1; s <= 3; s++) {
            poll.delivered(0, s, 0, 510_000);
        }
        return List.of(ws.finalSnapshot(), poll.finalSnapshot());
    }

    @Test
    void rowsHoldOneCellPerLane() {
        Comparison c = Comparison.of(twoLanes());
        assertEquals(List.of("WebSocket", "Long poll, 20 s"), c.laneNames());
        List<Comparison.Row> rows = c.rows();
        assertEquals(row("delivered", "2", "3"), rows.get(0));
        assertEquals(row("lost", "1", "0"), rows.get(1));
        assertEquals(row("duplicates", "1", "0"), rows.get(2));
        assertEquals(row("p50", "12 ms", "510 ms"), rows.get(3));
        assertEquals("510 ms", rows.get(3).cell(Technique.LONG_POLL), "a lane is found by its technique, not its label");
        assertEquals("", rows.get(3).cell(Technique.SHORT_POLL));
        assertTrue(rows.stream().anyMatch(r -> r.label().equals("bytes down") && r.cells().equals(List.of("2.0 KB~", "900 B"))));
        assertEquals("$ per M delivered", rows.get(rows.size() - 1).label());
        assertTrue(rows.stream().noneMatch(r -> r.label().equals("cold starts"))); // no pool lane
        for (Comparison.Row r : rows) {
            assertEquals(2, r.cells().size(), r.label());
        }
    }

    @Test
    void csvHasUnitsInItsHeaderPlainNumbersAndEmptyCellsWhereNoValue() {
        Comparison c = Comparison.of(twoLanes());
        String[] lines = c.toCsv().split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        assertEquals(List.of("lane", "delivered", "lost", "duplicates", "p50 (ms)"), header.subList(0, 5));
        assertTrue(header.contains("bytes down (B)") && header.contains("$ per M delivered (USD)"), lines[0]);
        assertEquals(c.rows().size() + 1, header.size(), "one column per figure");
        assertEquals(3, lines.length, "one line per lane");
        assertTrue(lines[1].startsWith("WebSocket,2,1,"), lines[1]);
        assertTrue(lines[2].startsWith("\"Long poll, 20 s\",3,0,"), lines[2]);
        for (String line : List.of(lines[1], lines[2])) {
            for (String cell : line.substring(line.indexOf(',', line.startsWith("\"") ? line.indexOf('"', 1) : 0) + 1).split(",", -1)) {
                assertTrue(cell.isEmpty() || cell.matches("-?\\d+(\\.\\d+)?"), "a plain number or empty: '" + cell + "' in " + line);
            }
        }
        // the WebSocket lane has no empty responses: an empty cell, not a dash
        int empty = header.indexOf("empty responses");
        assertEquals("", lines[1].split(",", -1)[empty]);
    }

    @Test
    void textTableAlignsColumnsAndSaysWhatTheMarksMean() {
        String text = Comparison.of(twoLanes()).toText();
        String[] lines = text.split("\n");
        assertTrue(lines[0].endsWith("WebSocket  Long poll, 20 s"));
        assertEquals(lines[1].length(), lines[2].length());
        assertTrue(text.contains("~ estimated bytes"));
        assertTrue(text.contains("2026-11-27"));
    }

    @Test
    void poolLanesAddTheirRows() {
        LaneMetrics pooled = lane("Pool: pooled", Technique.POOL_POOLED);
        pooled.invocation(0, new LaneRecorder.Invocation("c1", true, 250, 8, 2, 12, 270, 4, 100, null, null));
        Comparison c = Comparison.of(List.of(twoLanes().get(0), pooled.finalSnapshot()));
        List<Comparison.Row> rows = c.rows();
        List<Technique> lanes = List.of(Technique.WEBSOCKET, Technique.POOL_POOLED);
        assertTrue(rows.contains(new Comparison.Row("cold starts", lanes, List.of("0", "1"))));
        assertTrue(rows.contains(new Comparison.Row("DB connections max", lanes, List.of("0", "4 / 100"))));
        assertTrue(rows.contains(new Comparison.Row("delivered", lanes, List.of("2", "1"))));
        assertTrue(rows.contains(new Comparison.Row("p50", lanes, List.of("12 ms", "270 ms"))));
    }

    private static Comparison.Row row(String label, String webSocket, String longPoll) {
        return new Comparison.Row(label, List.of(Technique.WEBSOCKET, Technique.LONG_POLL), List.of(webSocket, longPoll));
    }

    @Test
    void formatsReadTheSameEverywhere() {
        assertEquals("–", Format.ms(Double.NaN));
        assertEquals("2.5 ms", Format.ms(2.5));
        assertEquals("510 ms", Format.ms(510.2));
        assertEquals("12.0 s", Format.ms(12_000));
        assertEquals("12,345", Format.count(12_345));
        assertEquals("$0.42", Format.dollars(0.42));
        assertEquals("1023 B", Format.bytes(1023, false));
        assertEquals("1.5 MB~", Format.bytes(1536 * 1024, true));
        assertEquals("$44.07", Format.dollars(44.07175));
        assertEquals("$0.0123", Format.dollars(0.012345));
        assertEquals("$0.00", Format.dollars(0));
        assertEquals("–", Format.dollars(Double.NaN));
    }
}
