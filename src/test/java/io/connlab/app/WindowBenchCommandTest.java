package io.connlab.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

/** {@code connlab bench-window}'s settings and its answers to bad options (no window is opened). */
class WindowBenchCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

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
        assertEquals(2, run("bench-window", "--rate", "0"));
        assertTrue(err.toString().contains("rate must be 1..10000"), err.toString());
    }

    @Test
    void anUnknownLaneIsRefused() {
        assertEquals(2, run("bench-window", "--lanes", "websocket,carrier-pigeon"));
        assertTrue(err.toString().contains("unknown lane 'carrier-pigeon'"), err.toString());
    }

    @Test
    void aDurationThatDoesNotParseIsRefused() {
        assertEquals(2, run("bench-window", "--duration", "soon"));
        assertTrue(err.toString().contains("not a duration"), err.toString());
    }
}
