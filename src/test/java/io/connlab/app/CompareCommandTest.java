package io.connlab.app;

import io.connlab.fixtures.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code connlab compare} on two runs that {@code bench --json} saved, one with added round-trip time. */
class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void twoSavedRunsAppearLaneByLaneInOneTable() throws Exception {
        Path fast = dir.resolve("fast.json");
        Path slow = dir.resolve("slow.json");
        for (String[] r : new String[][] {{"0", fast.toString()}, {"60", slow.toString()}}) {
            CommandRun bench = CommandRun.of("bench", "--quiet", "--lanes", "websocket,long-poll", "--duration", "2s", "--clients", "2",
                    "--rate", "10", "--rtt", r[0], "--json", r[1]);
            assertEquals(0, bench.exit(), bench.err());
        }
        Path csv = dir.resolve("side.csv");
        CommandRun o = CommandRun.of("compare", fast.toString(), slow.toString(), "--csv", csv.toString());
        assertEquals(0, o.exit(), o.err());
        String header = o.out().lines().filter(l -> l.contains("WebSocket (fast)")).findFirst().orElseThrow(() -> new AssertionError(o.out()));
        assertTrue(header.indexOf("WebSocket (fast)") < header.indexOf("WebSocket (slow)"), header);
        assertTrue(header.indexOf("WebSocket (slow)") < header.indexOf("Long poll (fast)"), header);
        // the CSV: one line per lane in the same order, figures as columns with their units (issue 9)
        java.util.List<String> lines = Files.readAllLines(csv);
        java.util.List<String> columns = java.util.List.of(lines.get(0).split(","));
        assertEquals("lane", columns.get(0), lines.get(0));
        assertEquals(java.util.List.of("WebSocket (fast)", "WebSocket (slow)", "Long poll (fast)", "Long poll (slow)"),
                lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList());
        // the slow run's WebSocket p50 pays the 60 ms it was given
        int p50 = columns.indexOf("p50 (ms)");
        double fastP50 = ms(lines.get(1).split(",", -1)[p50]);
        double slowP50 = ms(lines.get(2).split(",", -1)[p50]);
        assertTrue(slowP50 > fastP50 + 20, fastP50 + " ms, then " + slowP50 + " ms");
    }

    /** "68 ms" or "68" -> 68. */
    static double ms(String cell) {
        return Double.parseDouble(cell.replace("ms", "").trim());
    }

    @Test
    void aFileThatIsNotASavedRunIsNamed() throws Exception {
        Path notRun = Files.writeString(dir.resolve("profile.json"), "{\"name\": \"x\"}");
        CommandRun o = CommandRun.of("compare", notRun.toString(), dir.resolve("missing.json").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("profile.json: not a saved run"), o.err());
    }
}
