package io.connlab.app;

import io.connlab.fixtures.CommandRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchBackendCommandTest {
    private final CommandRun cli = new CommandRun();

    @Test
    void aTinyRunHoldsWhatItOpenedAndTimesEveryArrival() {
        assertEquals(0, cli.execute("bench-backend", "--websockets", "5", "--polls", "5", "--publishes", "2"), cli.err());
        assertTrue(cli.out().contains("held at once: 5 WebSocket connections and 5 long polls"), cli.out());
        assertTrue(cli.out().matches("(?s).*WebSocket +10 deliveries.*"), cli.out());
        assertTrue(cli.out().matches("(?s).*held poll +10 deliveries.*"), cli.out());
    }

    @Test
    void pollsOverH2cShareTheirConnectionsAndAreAllTimed() {
        assertEquals(0, cli.execute("bench-backend", "--websockets", "3", "--polls", "40", "--publishes", "2",
                "--polls-over", "h2c", "--h2c-connections", "2"), cli.err());
        assertTrue(cli.out().contains("held at once: 3 WebSocket connections and 40 long polls (as HTTP/2 streams on 2 connections)"),
                cli.out());
        assertTrue(cli.out().matches("(?s).*held poll +80 deliveries.*"), cli.out());
        assertEquals(2, cli.execute("bench-backend", "--polls", "2001", "--polls-over", "h2c", "--h2c-connections", "2"));
        assertTrue(cli.err().contains("1,000 polls at most on each"), cli.err());
        assertEquals(2, cli.execute("bench-backend", "--polls-over", "h3"));
        assertTrue(cli.err().contains("http1 or h2c"), cli.err());
    }

    @Test
    void badCountsExitTwoWithTheReason() {
        assertEquals(2, cli.execute("bench-backend", "--websockets", "-1"));
        assertTrue(cli.err().contains("--websockets and --polls"), cli.err());
        assertEquals(2, cli.execute("bench-backend", "--publishes", "0"));
        assertTrue(cli.err().contains("--publishes must be 1..1000"), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
    }

    @Test
    void aProfileThatIsNotTheMockIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path live = dir.resolve("live.json");
        java.nio.file.Files.writeString(live, "{\"name\":\"chat\",\"kind\":\"LIVE\",\"websocketUrl\":\"wss://example.invalid/Prod\",\"region\":\"eu-west-1\"}");
        assertEquals(2, cli.execute("bench-backend", "--profile", live.toString()));
        assertTrue(cli.err().contains("is not the bundled mock"), cli.err());
    }

    @Test
    void anUnreadableProfileExitsTwoWithTheReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // a directory: the same start-up as bench (app.engine.Backend) answers it in one line
        assertEquals(2, cli.execute("bench-backend", "--profile", dir.toString()));
        assertTrue(cli.err().startsWith("bench-backend: "), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
    }
}
