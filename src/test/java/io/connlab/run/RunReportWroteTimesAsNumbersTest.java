package io.connlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bug (fixed in f10d6e0): the JSON report wrote its Instants as epoch numbers with nanos
 * ({@code 1764550000.123456789}), which no reader takes for a time. They are ISO-8601 text.
 * The table's rows name their lanes by technique, so a reader need not match labels.
 */
class RunReportWroteTimesAsNumbersTest {

    @Test
    void timesAreIsoTextAndTableRowsNameTheirLanes() throws Exception {
        List<LaneSnapshot> lanes = List.of(LaneSnapshot.idle(Technique.WEBSOCKET), LaneSnapshot.idle(Technique.LONG_POLL));
        Comparison table = Comparison.of(lanes);
        RunReport report = new RunReport("r1", "test", "MOCK", Instant.parse("2026-12-01T15:00:00Z"),
                Instant.parse("2026-12-01T15:00:30.5Z"), "FINISHED", null, Map.of(), RunReport.thisMachine(),
                0, 0, lanes, table.rows(), table.footnote());
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals("2026-12-01T15:00:00Z", json.path("startedAt").asText());
        assertEquals("2026-12-01T15:00:30.500Z", json.path("endedAt").asText());
        JsonNode delivered = json.path("table").get(0);
        assertEquals("delivered", delivered.path("label").asText());
        assertEquals("LONG_POLL", delivered.path("lanes").get(1).asText());
        assertEquals("0", delivered.path("cells").get(1).asText());
    }
}
