package io.connlab.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchBackendCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aTinyRunHoldsWhatItOpenedAndTimesEveryArrival() {
        assertEquals(0, run("bench-backend", "--websockets", "5", "--polls", "5", "--publishes", "2"), err.toString());
        assertTrue(out.toString().contains("held at once: 5 WebSocket connections and 5 long polls"), out.toString());
        assertTrue(out.toString().matches("(?s).*WebSocket +10 deliveries.*"), out.toString());
        assertTrue(out.toString().matches("(?s).*held poll +10 deliveries.*"), out.toString());
    }

    @Test
    void badCountsExitTwoWithTheReason() {
        assertEquals(2, run("bench-backend", "--websockets", "-1"));
        assertTrue(err.toString().contains("--websockets and --polls"), err.toString());
        assertEquals(2, run("bench-backend", "--publishes", "0"));
        assertTrue(err.toString().contains("--publishes must be 1..1000"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void aProfileThatIsNotTheMockIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path live = dir.resolve("live.json");
        java.nio.file.Files.writeString(live, "{\"name\":\"chat\",\"kind\":\"LIVE\",\"websocketUrl\":\"wss://example.invalid/Prod\",\"region\":\"eu-west-1\"}");
        assertEquals(2, run("bench-backend", "--profile", live.toString()));
        assertTrue(err.toString().contains("is not the bundled mock"), err.toString());
    }

    @Test
    void anUnreadableProfileExitsTwoWithTheReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // a directory: the same start-up as bench (app.engine.Backend) answers it in one line
        assertEquals(2, run("bench-backend", "--profile", dir.toString()));
        assertTrue(err.toString().startsWith("bench-backend: "), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
