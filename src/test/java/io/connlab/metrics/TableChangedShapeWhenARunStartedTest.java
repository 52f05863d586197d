package io.connlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bug (issue 7): before the first run the window built its own table (11 rows, "p50", "12 ms",
 * "1,204"); once a run started it showed the comparison's (14 rows, "p50 ms", "12.3", "1204").
 * Now both come from {@link Comparison}: idle lanes give the same rows, in the same style.
 */
class TableChangedShapeWhenARunStartedTest {

    private static final List<Technique> LANES = List.of(Technique.WEBSOCKET, Technique.LONG_POLL, Technique.POOL_POOLED);

    @Test
    void theRowsBeforeARunAreTheRowsDuringIt() {
        List<Comparison.Row> idle = Comparison.of(LANES.stream().map(LaneSnapshot::idle).toList()).rows();

        EventLog log = new EventLog(10);
        List<LaneSnapshot> running = LANES.stream().map(t -> {
            LaneMetrics m = new LaneMetrics(t.label(), t, 1, log);
            m.published(1, 0);
            m.delivered(0, 1, 0, 12_300);
            return m.finalSnapshot();
        }).toList();
        List<Comparison.Row> live = Comparison.of(running).rows();

        assertEquals(idle.stream().map(Comparison.Row::label).toList(), live.stream().map(Comparison.Row::label).toList());
        Comparison.Row p50 = live.stream().filter(r -> r.label().equals("p50")).findFirst().orElseThrow();
        assertEquals("12 ms", p50.cell(Technique.WEBSOCKET), "one formatter: the unit is in the cell");
        assertEquals(Format.NONE, idle.stream().filter(r -> r.label().equals("p50")).findFirst().orElseThrow()
                .cell(Technique.WEBSOCKET));
        assertTrue(Format.count(1_204).equals("1,204") && Format.ms(12.3).equals("12 ms"));
    }
}
