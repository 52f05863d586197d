package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saved results of a run: JSON that holds the settings, the machine and each lane's figures; CSV with a column per lane. */
class RunReportTest {

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    @Test
    void theJsonAndCsvHoldTheSettingsTheMachineAndEveryLane(@TempDir Path dir) throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(10, Duration.ofSeconds(1), 2, PublishPath.SNS,
                Duration.ofMillis(200), Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL,
                Technique.POOL_POOLED, Technique.POOL_UNPOOLED);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            RunReport report = RunReport.of(run);
            Path json = dir.resolve("run.json");
            Path csv = dir.resolve("run.csv");
            report.writeJson(json);
            report.writeCsv(csv);

            JsonNode root = new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
            assertEquals(run.runId(), root.path("runId").asText());
            assertEquals("FINISHED", root.path("phase").asText());
            assertEquals(run.published(), root.path("published").asLong());
            assertTrue(root.path("startedAt").isTextual(), "times as ISO text: " + root.path("startedAt"));
            // the window's "Compare two saved runs" reads it back: format, lanes and start
            assertEquals(RunReport.FORMAT, root.path("format").asInt());
            SavedRuns.SavedRun back = SavedRuns.load(json);
            assertEquals(report.lanes().stream().map(l -> l.technique()).toList(), back.lanes().stream().map(l -> l.technique()).toList());
            assertEquals(run.startedAt(), back.startedAt());

            JsonNode s = root.path("settings");
            assertEquals(10, s.path("ratePerSecond").asInt());
            assertEquals(128, s.path("payloadBytes").asInt());
            assertEquals(1.0, s.path("durationSeconds").asDouble());
            assertEquals(2, s.path("clientsPerLane").asInt());
            assertEquals("SNS", s.path("publish").asText());
            assertEquals(5, s.path("lanes").size());

            JsonNode machine = root.path("machine");
            assertTrue(machine.path("cores").asInt() >= 1, machine.toString());
            assertTrue(machine.path("maxHeapMb").asLong() > 0, machine.toString());
            assertFalse(machine.path("java").asText().isBlank(), machine.toString());
            assertFalse(machine.path("os").asText().isBlank(), machine.toString());

            JsonNode lanes = root.path("lanes");
            assertEquals(5, lanes.size());
            List<String> names = new ArrayList<>();
            for (JsonNode lane : lanes) {
                names.add(lane.path("lane").asText());
                assertTrue(lane.has("delivered") && lane.has("lost") && lane.has("requests")
                        && lane.has("bytesUp") && lane.has("latency") && lane.has("pool"), lane.toString());
                if (Technique.valueOf(lane.path("technique").asText()).isPool()) {
                    assertTrue(lane.path("pool").path("invocations").asLong() > 0, lane.toString());
                } else {
                    assertEquals(run.published() * 2, lane.path("delivered").asLong(), lane.toString());
                    assertTrue(lane.path("latency").path("p50").isNumber(), lane.toString());
                }
            }
            assertEquals(List.of("WebSocket", "Long poll", "Short poll", "Pool: pooled", "Pool: unpooled"), names);
            // every row of the table, each with a cell per lane
            JsonNode table = root.path("table");
            assertTrue(table.size() > 10, table.toString());
            for (JsonNode row : table) assertEquals(5, row.path("cells").size(), row.toString());

            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).startsWith("lane,delivered,lost,duplicates,p50 (ms)"), lines.get(0));
        assertEquals(List.of("WebSocket", "Long poll", "Short poll", "Pool: pooled", "Pool: unpooled"),
                lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList());
            assertEquals(table.size() + 1, lines.get(0).split(",").length, "a column per figure: " + lines.get(0));
        }
    }
}
