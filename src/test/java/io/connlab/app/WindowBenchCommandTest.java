package io.connlab.app;

import io.connlab.fixtures.CommandRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.*;

/** {@code connlab bench-window}'s settings and its answers to bad options (no window is opened). */
class WindowBenchCommandTest {

    private final CommandRun cli = new CommandRun();

    @Test
    void theDefaultWorkloadIsAboutFiveThousandDeliveredEventsPerSecond() {
        WindowBenchCommand c = new WindowBenchCommand();
        new CommandLine(c).parseArgs();
        var s = c.settings();
        assertEquals(5, s.lanes().size());
        assertEquals(50 * 33 * 3 + 50 * 2, WindowBenchCommand.expectedPerSecond(s));
    }

    @Test
    void optionsChooseTheLanesAndTheRate() {
        WindowBenchCommand c = new WindowBenchCommand();
        new CommandLine(c).parseArgs("--rate", "50", "--clients", "100", "--lanes", "websocket,long-poll");
        assertEquals(10_000, WindowBenchCommand.expectedPerSecond(c.settings()));
    }

    @Test
    void aBadRateIsRefusedWithRunSettingsOwnRule() {
        assertEquals(2, cli.execute("bench-window", "--rate", "0"));
        assertTrue(cli.err().contains("rate must be 1..10000"), cli.err());
    }

    @Test
    void anUnknownLaneIsRefused() {
        assertEquals(2, cli.execute("bench-window", "--lanes", "websocket,carrier-pigeon"));
        assertTrue(cli.err().contains("unknown lane 'carrier-pigeon'"), cli.err());
    }

    @Test
    void aDurationThatDoesNotParseIsRefused() {
        assertEquals(2, cli.execute("bench-window", "--duration", "soon"));
        assertTrue(cli.err().contains("not a duration"), cli.err());
    }
}
