package io.connlab.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connlab.fixtures.CommandRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code connlab} and {@code connlab serve} as a user runs them: exit codes, what they print, a running backend. */
class ServeCommandTest {
    private CompletableFuture<Integer> running;
    private ServeCommand serve;

    @AfterEach
    void stopServe() throws Exception {
        if (serve != null) {
            serve.stop.countDown();
            assertEquals(0, running.get(30, TimeUnit.SECONDS), "serve exits 0 when stopped");
        }
    }

    /** Starts {@code serve} on a background thread and waits until it printed everything. */
    private CommandRun startServe(String... args) {
        CommandRun run = new CommandRun();
        serve = run.subcommand("serve");
        running = CompletableFuture.supplyAsync(() -> run.execute(args));
        await().atMost(Duration.ofSeconds(30)).until(() -> run.out().contains("Ctrl-C stops the backend.")
                || running.isDone());
        assertFalse(running.isDone(), () -> "serve ended early: " + run.out() + run.err());
        return run;
    }

    @Test
    void helpPrintsUsageAndExits0() {
        CommandRun run = new CommandRun();
        assertEquals(0, run.execute("--help"));
        assertTrue(run.out().contains("Usage: connlab"), run.out());
        assertTrue(run.out().contains("serve"), run.out());

        CommandRun serveHelp = new CommandRun();
        assertEquals(0, serveHelp.execute("serve", "--help"));
        for (String option : new String[]{"--host", "--http-port", "--ws-port", "--stage", "--time-scale", "--token",
                "--rtt", "--jitter", "--db-max-connections"}) {
            assertTrue(serveHelp.out().contains(option), option + " in " + serveHelp.out());
        }
    }

    @Test
    void versionPrintsTheVersionAndExits0() {
        CommandRun run = new CommandRun();
        assertEquals(0, run.execute("--version"));
        assertTrue(run.out().startsWith("ConnLab "), run.out());
    }

    @Test
    void anUnknownOptionExits2WithAClearMessage() {
        CommandRun run = new CommandRun();
        assertEquals(2, run.execute("--bogus"));
        assertTrue(run.err().contains("Unknown option: '--bogus'"), run.err());

        CommandRun sub = new CommandRun();
        assertEquals(2, sub.execute("serve", "--ws-prot", "9000"));
        assertTrue(sub.err().contains("Unknown option"), sub.err());
    }

    @Test
    void aTimeScaleBelowOneExits2WithTheReason() {
        CommandRun run = new CommandRun();
        assertEquals(2, run.execute("serve", "--time-scale", "0.5"));
        assertTrue(run.err().contains("time scale must be a number >= 1, got 0.5"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void zeroDatabaseConnectionsExits2WithTheReason() {
        CommandRun run = new CommandRun();
        assertEquals(2, run.execute("serve", "--db-max-connections", "0"));
        assertTrue(run.err().contains("db max connections must be >= 1"), run.err());
    }

    @Test
    void otherBadValuesExit2() {
        assertEquals(2, new CommandRun().execute("serve", "--http-port", "70000"));
        assertEquals(2, new CommandRun().execute("serve", "--rtt", "-5"));
        assertEquals(2, new CommandRun().execute("serve", "--stage", "no spaces"));
        assertEquals(2, new CommandRun().execute("serve", "--time-scale", "fast"));
    }

    @Test
    void servePrintsEveryEndpointAndAProfileThatParsesAndWorks() throws Exception {
        CommandRun run = startServe("serve", "--stage", "class", "--db-max-connections", "20");
        String out = run.out();
        for (String line : new String[]{"WebSocket        ws://127.0.0.1:", "Poll             http://127.0.0.1:",
                "SNS endpoint     http://127.0.0.1:", "SNS topic        arn:aws:sns:us-east-1:000000000000:connlab",
                "Invoke           http://127.0.0.1:", "@connections     http://127.0.0.1:", "Admin            http://127.0.0.1:",
                "max_connections 20"}) {
            assertTrue(out.contains(line), line + " in\n" + out);
        }
        assertFalse(run.err().contains("WARNING"), "no warning on loopback: " + run.err());

        JsonNode profile = profileOf(out);
        assertEquals("MOCK", profile.get("kind").asText());
        assertTrue(profile.get("websocketUrl").asText().matches("ws://127\\.0\\.0\\.1:\\d+/class"), profile.toString());
        assertTrue(profile.get("pollUrl").asText().endsWith("/class/poll"), profile.toString());
        assertEquals("arn:aws:sns:us-east-1:000000000000:connlab", profile.get("topicArn").asText());
        assertEquals("us-east-1", profile.get("region").asText());
        assertFalse(profile.hasNonNull("token"), "no token without --token");
        for (String field : new String[]{"snsEndpoint", "invokeUrl", "connectionsUrl", "adminUrl"}) {
            assertTrue(profile.get(field).asText().startsWith("http://127.0.0.1:"), field + " in " + profile);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> poll = http.send(HttpRequest.newBuilder(URI.create(profile.get("pollUrl").asText() + "?wait=0"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, poll.statusCode(), poll.body());
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(profile.get("adminUrl").asText() + "status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(20, new ObjectMapper().readTree(status.body()).get("dbMaxConnections").asInt());
        assertTrue(serve.running != null);
    }

    /** The JSON object printed after "Endpoint profile". */
    private static JsonNode profileOf(String out) throws Exception {
        int from = out.indexOf('{', out.indexOf("Endpoint profile"));
        int to = out.indexOf("\n}", from);
        assertTrue(from > 0 && to > from, "a profile JSON in\n" + out);
        return new ObjectMapper().readTree(out.substring(from, to + 2));
    }

    @Test
    void aTokenGoesIntoTheWebSocketLineAndTheProfile() throws Exception {
        CommandRun run = startServe("serve", "--token", "abc");
        assertTrue(run.out().matches("(?s).*WebSocket +ws://127\\.0\\.0\\.1:\\d+/dev\\?token=abc\\n.*"), run.out());
        assertEquals("abc", profileOf(run.out()).get("token").asText());
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenWarns() {
        CommandRun run = startServe("serve", "--host", "0.0.0.0");
        assertTrue(run.err().contains("WARNING: listening beyond loopback (0.0.0.0) without --token"), run.err());
        assertTrue(run.out().contains("ws://127.0.0.1:"), "a wildcard bind is dialled through loopback: " + run.out());
        assertTrue(run.out().contains("Reachable from the network on 0.0.0.0"), run.out());
        assertTrue(run.out().matches("(?s).*@connections +ANYONE: can post to, read and disconnect every connection.*"), run.out());
    }

    @Test
    void listeningBeyondLoopbackWithATokenSaysWhatTheTokenGuards() {
        CommandRun run = startServe("serve", "--host", "0.0.0.0", "--token", "t");
        assertFalse(run.err().contains("WARNING"), run.err());
        assertTrue(run.out().matches("(?s).*WebSocket +with \\?token= only.*"), run.out());
        assertTrue(run.out().matches("(?s).*Admin +with the token only.*"), run.out());
        assertTrue(run.out().matches("(?s).*Poll, Invoke +anyone.*"), run.out());
    }

    @Test
    void aPortInUseExits1WithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            for (String option : new String[]{"--http-port", "--ws-port"}) {
                CommandRun run = new CommandRun();
                int code = CompletableFuture.supplyAsync(() -> run.execute("serve", option, String.valueOf(port)))
                        .get(30, TimeUnit.SECONDS);
                assertEquals(1, code, run.out() + run.err());
                assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + port), "names the port: " + run.err());
                assertTrue(run.err().contains("Address already in use"), run.err());
                assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            }
        }
    }

    @Test
    void aHostThatIsNotThisMachinesExits1AndAnUnknownHostExits2() throws Exception {
        CommandRun foreign = new CommandRun();
        // TEST-NET-1 (RFC 5737): never an address of this machine, so the bind fails locally
        assertEquals(1, CompletableFuture.supplyAsync(() -> foreign.execute("serve", "--host", "192.0.2.1"))
                .get(30, TimeUnit.SECONDS), foreign.err());
        assertTrue(foreign.err().contains("cannot listen on 192.0.2.1"), foreign.err());
        assertFalse(foreign.err().contains("\tat "), "no stack trace: " + foreign.err());

        CommandRun unknown = new CommandRun();
        assertEquals(2, unknown.execute("serve", "--host", "no-such-host.invalid"));
        assertTrue(unknown.err().contains("unknown host 'no-such-host.invalid'"), unknown.err());
    }
}
