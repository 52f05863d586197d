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
                "--instructor-key", "--public-host", "--invocations-per-client",
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
        for (String field : new String[]{"snsEndpoint", "invokeUrl"}) {
            assertTrue(profile.get(field).asText().startsWith("http://127.0.0.1:"), field + " in " + profile);
        }
        for (String field : new String[]{"adminUrl", "connectionsUrl", "instructorKey"}) {
            assertFalse(profile.has(field), "a student's profile holds only what a student may use: " + profile);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> poll = http.send(HttpRequest.newBuilder(URI.create(profile.get("pollUrl").asText() + "?wait=0"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, poll.statusCode(), poll.body());
        JsonNode instructor = profileOf(out, "Instructor profile");
        String key = instructor.get("instructorKey").asText();
        assertTrue(key.length() >= 20, "a random key: " + key);
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(instructor.get("adminUrl").asText() + "status"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(20, new ObjectMapper().readTree(status.body()).get("dbMaxConnections").asInt());
        assertTrue(out.contains("Listening on 127.0.0.1 only"), out);
        assertTrue(serve.running != null);
    }

    /** The students' profile: the JSON object printed after "Endpoint profile". */
    private static JsonNode profileOf(String out) throws Exception {
        return profileOf(out, "Endpoint profile");
    }

    /** The JSON object printed after {@code heading}. */
    private static JsonNode profileOf(String out, String heading) throws Exception {
        int from = out.indexOf('{', out.indexOf(heading));
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
        assertTrue(run.out().contains("Reachable from the network on 0.0.0.0"), run.out());
        assertTrue(run.out().matches("(?s).*WebSocket +ANYONE: no --token.*"), run.out());
        assertTrue(run.out().matches("(?s).*@connections +the instructor key only.*"), run.out());
    }

    @Test
    void listeningBeyondLoopbackWithATokenSaysWhatEachKeyGuards() {
        CommandRun run = startServe("serve", "--host", "0.0.0.0", "--token", "t");
        assertFalse(run.err().contains("WARNING"), run.err());
        assertTrue(run.out().matches("(?s).*WebSocket +with the class token only.*"), run.out());
        assertTrue(run.out().matches("(?s).*Admin, faults +the instructor key only.*"), run.out());
        assertTrue(run.out().matches("(?s).*Poll, Invoke +anyone.*"), run.out());
        assertTrue(run.out().indexOf("Reachable from the network") < run.out().indexOf("Ctrl-C stops"), "notes before Ctrl-C");
    }

    /** Issue 21: the README's class recipe printed a profile pointing every student at their own laptop. */
    @Test
    void theClassRecipePrintsAProfileWhoseUrlsAnotherMachineCanUse() throws Exception {
        CommandRun run = startServe("serve", "--host", "0.0.0.0", "--token", "class42");
        String out = run.out();
        if (ServeReach.studentAddresses("0.0.0.0").isEmpty()) { // a machine on no network: it says so, plainly
            assertTrue(out.contains("This machine has no network address now"), out);
            org.junit.jupiter.api.Assumptions.abort("no non-loopback address on this machine");
        }
        JsonNode students = profileOf(out);
        assertEquals("class42", students.get("token").asText());
        assertFalse(students.has("instructorKey") || students.has("adminUrl"), students.toString());
        for (String field : new String[]{"websocketUrl", "pollUrl", "snsEndpoint", "invokeUrl"}) {
            InetAddress host = InetAddress.getByName(URI.create(students.get(field).asText()).getHost());
            assertFalse(host.isLoopbackAddress() || host.isAnyLocalAddress(), field + " in " + students);
            assertTrue(java.net.NetworkInterface.getByInetAddress(host) != null, "an address of this machine: " + host);
        }
        HttpResponse<String> poll = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(students.get("pollUrl").asText() + "?wait=0")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, poll.statusCode(), "served on that address: " + poll.body());

        JsonNode instructor = profileOf(out, "Instructor profile");
        assertTrue(instructor.get("adminUrl").asText().startsWith("http://127.0.0.1:"), "the instructor's own window dials loopback");
        String key = instructor.get("instructorKey").asText();
        assertEquals(1, out.split(java.util.regex.Pattern.quote(key), -1).length - 2, "the key in the instructor profile"
                + " and the restart line only");
        assertFalse(out.substring(0, out.indexOf("Instructor profile")).contains(key), "never near the students' profile");

        int httpPort = URI.create(instructor.get("pollUrl").asText()).getPort();
        int wsPort = URI.create(instructor.get("websocketUrl").asText()).getPort();
        assertTrue(out.contains("connlab serve --host 0.0.0.0 --token class42 --http-port " + httpPort + " --ws-port " + wsPort
                + " --instructor-key " + key), out);
        assertTrue(out.indexOf("--http-port " + httpPort) < out.indexOf("Ctrl-C stops"), out);
    }

    @Test
    void aPublicHostNamesTheStudentsAddress() throws Exception {
        CommandRun run = startServe("serve", "--host", "0.0.0.0", "--token", "t", "--public-host", "teacher.local");
        JsonNode students = profileOf(run.out());
        assertTrue(students.get("websocketUrl").asText().startsWith("ws://teacher.local:"), students.toString());
        assertTrue(students.get("invokeUrl").asText().startsWith("http://teacher.local:"), students.toString());
    }

    @Test
    void anInstructorKeyThatIsTheClassTokenExits2() {
        CommandRun run = new CommandRun();
        assertEquals(2, run.execute("serve", "--token", "same-key-1", "--instructor-key", "same-key-1"));
        assertTrue(run.err().contains("--instructor-key must differ from --token"), run.err());
        CommandRun shortKey = new CommandRun();
        assertEquals(2, shortKey.execute("serve", "--instructor-key", "abc"));
        assertTrue(shortKey.err().contains("instructor key must be 8..128"), shortKey.err());
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
