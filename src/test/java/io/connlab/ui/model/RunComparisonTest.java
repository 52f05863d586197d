package io.connlab.ui.model;

import io.connlab.metrics.Comparison;
import io.connlab.metrics.Technique;
import io.connlab.run.SavedRuns;
import io.connlab.ui.model.RunComparison.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two saved runs side by side without a screen. The fixtures were written by {@code bench --json}:
 * mock.json (WebSocket, long and short poll on the in-process mock) and mock-rtt40.json (WebSocket,
 * long poll and the pooled lane on a {@code serve --rtt 40} mock).
 */
class RunComparisonTest {
    static final Path DIR = Path.of("src/test/resources/io/connlab/ui/compare");
    static final Path A = DIR.resolve("mock.json");
    static final Path B = DIR.resolve("mock-rtt40.json");

    @TempDir
    Path dir;

    private static RunComparison.Row row(RunComparison c, String label) {
        return c.tableRows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void eachLaneOfEitherRunHasBothRunsFiguresFromTheSameTableBenchPrints() {
        RunComparison c = RunComparison.load(A, B);
        assertEquals(List.of(Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL, Technique.POOL_POOLED), c.lanes());
        Comparison alone = Comparison.of(SavedRuns.load(A).lanes());
        Comparison aloneB = Comparison.of(SavedRuns.load(B).lanes());
        for (String label : List.of("delivered", "p50", "p99", "$ per M delivered")) {
            Comparison.Row ra = alone.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
            Comparison.Row rb = aloneB.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
            assertEquals(ra.cell(Technique.WEBSOCKET), row(c, label).cell(Technique.WEBSOCKET, Side.A), label);
            assertEquals(rb.cell(Technique.WEBSOCKET), row(c, label).cell(Technique.WEBSOCKET, Side.B), label);
        }
        assertEquals("11 ms", row(c, "p50").cell(Technique.WEBSOCKET, Side.A));
        assertEquals("55 ms", row(c, "p50").cell(Technique.WEBSOCKET, Side.B));
        // a lane one run lacks has no cell there (the window says "not in this run")
        assertNull(row(c, "p50").cell(Technique.SHORT_POLL, Side.B));
        assertNull(row(c, "delivered").cell(Technique.POOL_POOLED, Side.A));
        assertFalse(c.has(Technique.SHORT_POLL, Side.B));
        assertTrue(c.latency(Technique.POOL_POOLED, Side.A).isEmpty());
        // pool rows come with the pool lane of B; A's WebSocket has no pool figures: a dash
        assertEquals("–", row(c, "cold starts").cell(Technique.WEBSOCKET, Side.A));
    }

    @Test
    void bsP50AndP99AreGivenAsMultiplesOfAs() {
        RunComparison c = RunComparison.load(A, B);
        RunComparison.Row p50 = row(c, "p50" + RunComparison.RATIO_SUFFIX);
        assertTrue(p50.ratio());
        assertEquals("×5.2", p50.cell(Technique.WEBSOCKET, Side.B)); // 55.135 / 10.607
        assertEquals("", p50.cell(Technique.WEBSOCKET, Side.A));
        assertEquals("–", p50.cell(Technique.SHORT_POLL, Side.B));
        assertEquals("×0.74", row(c, "p99" + RunComparison.RATIO_SUFFIX).cell(Technique.WEBSOCKET, Side.B)); // 326 / 442
        assertEquals("×12", RunComparison.times(12.4));
        assertEquals("–", RunComparison.times(Double.NaN));
    }

    @Test
    void theRunsAreNamedByFileBackendAndStartAndTheirDifferencesAreSaid() {
        RunComparison c = RunComparison.load(A, B);
        // both are mock runs: the file names tell them apart
        assertEquals("A: mock", c.shortName(Side.A));
        assertEquals("B: mock-rtt40", c.shortName(Side.B));
        assertTrue(c.heading(Side.B).startsWith("B: mock-rtt40.json · ConnLab mock on 127.0.0.1 · 2026-"), c.heading(Side.B));
        assertFalse(c.sameFile());
        assertTrue(c.settingDifferences().stream().anyMatch(d -> d.startsWith("lanes ")), c.settingDifferences().toString());
        RunComparison twice = RunComparison.load(A, DIR.resolve("../compare/mock.json"));
        assertTrue(twice.sameFile());
        assertEquals(List.of(), twice.settingDifferences());
    }

    @Test
    void notTwoFilesIsSaidInWords() {
        assertTrue(RunComparison.countProblem(2).isEmpty());
        assertEquals(I18n.t("compare.needTwo"), RunComparison.countProblem(1).orElseThrow());
        assertEquals(I18n.t("compare.tooMany", 3), RunComparison.countProblem(3).orElseThrow());
    }

    /** Each kind of bad file, its reason and the window's sentence naming the file. */
    @Test
    void eachKindOfBadFileGetsItsOwnAnswer() throws Exception {
        String run = Files.readString(A);
        expect(Files.writeString(dir.resolve("notes.json"), "this is not { json"), SavedRuns.NotASavedRun.Why.NOT_JSON, "is not JSON");
        expect(Files.writeString(dir.resolve("profile.json"), "{\"name\": \"class\", \"websocketUrl\": \"ws://x\"}"),
                SavedRuns.NotASavedRun.Why.OTHER_SHAPE, "not a saved run");
        expect(Files.writeString(dir.resolve("odd-lane.json"), "{\"lanes\": [{\"lane\": \"x\", \"technique\": \"CARRIER_PIGEON\"}]}"),
                SavedRuns.NotASavedRun.Why.OTHER_SHAPE, "not a saved run");
        expect(Files.writeString(dir.resolve("bare-lane.json"), "{\"lanes\": [{\"lane\": \"x\"}]}"),
                SavedRuns.NotASavedRun.Why.OTHER_SHAPE, "not a saved run");
        expect(Files.writeString(dir.resolve("future.json"), run.replace("\"format\" : 1", "\"format\" : 7")),
                SavedRuns.NotASavedRun.Why.NEWER_FORMAT, "newer ConnLab (run format 7; this version reads format 1)");
        expect(Files.writeString(dir.resolve("ancient.json"), run.replace("\"format\" : 1", "\"format\" : 0")),
                SavedRuns.NotASavedRun.Why.OLDER_FORMAT, "older run format (0)");
        expect(dir.resolve("gone.json"), SavedRuns.NotASavedRun.Why.MISSING, "no such file");
        // saved before "format" existed: the same shape, read as format 1
        Path unversioned = Files.writeString(dir.resolve("unversioned.json"), run.replace(",\n  \"format\" : 1", ""));
        assertFalse(Files.readString(unversioned).contains("\"format\""));
        assertEquals(3, SavedRuns.load(unversioned).lanes().size());
    }

    private static void expect(Path file, SavedRuns.NotASavedRun.Why why, String words) {
        SavedRuns.NotASavedRun e = assertThrows(SavedRuns.NotASavedRun.class, () -> RunComparison.load(A, file));
        assertEquals(why, e.why(), e.getMessage());
        String said = RunComparison.explain(e);
        assertTrue(said.startsWith(file.getFileName().toString()) && said.contains(words), said);
    }
}
