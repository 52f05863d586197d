package io.connlab.app;

import io.connlab.fixtures.CommandRun;
import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options the commands share are defined once, yet each command keeps its own defaults; lane ids are read in one place. */
class SharedOptionsTest {

    private static String help(String command) {
        CommandRun run = CommandRun.of(command, "--help");
        assertEquals(0, run.exit(), run.all());
        return run.out();
    }

    @Test
    void benchAndBenchWindowShareTheWorkloadOptionsWithTheirOwnDefaults() {
        String bench = help("bench");
        String window = help("bench-window");
        assertTrue(bench.contains("Messages per second (default 20)"), bench);
        assertTrue(window.contains("Messages per second (default 50)"), window);
        assertTrue(bench.contains("Simulated users per lane (default 100)"), bench);
        assertTrue(window.contains("Simulated users per lane (default 33)"), window);
        for (String option : List.of("--size", "--publish")) {
            assertTrue(bench.contains(option) && window.contains(option), option);
        }
    }

    @Test
    void serveAndBenchShareTheMockOptionsAndBenchAndBenchBackendTheProfile() {
        String serve = help("serve");
        String bench = help("bench");
        for (String option : List.of("--rtt", "--jitter", "--db-max-connections")) {
            assertTrue(serve.contains(option) && bench.contains(option), option);
        }
        assertTrue(help("bench-backend").contains("--profile"));
        assertTrue(bench.contains("--profile"));
    }

    @Test
    void laneIdsAreTechniqueIdsAndPoolStandsForTheChosenModes() {
        List<Technique> all = List.of(Technique.values());
        assertEquals(EnumSet.of(Technique.WEBSOCKET, Technique.POOL_POOLED, Technique.POOL_PROXY),
                LaneIds.parse(List.of(" WebSocket", "pool"), List.of("pooled", "PROXY"), all));
        Set<Technique> window = LaneIds.parse(List.of("long-poll", "unpooled"), List.of(), all);
        assertEquals(EnumSet.of(Technique.LONG_POLL, Technique.POOL_UNPOOLED), window);
        var labelNotId = assertThrows(IllegalArgumentException.class,
                () -> LaneIds.parse(List.of("Long poll"), List.of(), all));
        assertTrue(labelNotId.getMessage().startsWith("unknown lane 'Long poll': use websocket, long-poll"), labelNotId.getMessage());
        var badMode = assertThrows(IllegalArgumentException.class,
                () -> LaneIds.parse(List.of("pool"), List.of("magic"), all));
        assertEquals("unknown --pool-mode 'magic': use pooled, unpooled or proxy", badMode.getMessage());
        var notOffered = assertThrows(IllegalArgumentException.class,
                () -> LaneIds.parse(List.of("proxy"), List.of(), List.of(Technique.POOL_POOLED)));
        assertEquals("unknown lane 'proxy': use pooled", notOffered.getMessage());
    }
}
