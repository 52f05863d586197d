package io.connlab.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connlab.fixtures.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code connlab bench} from the command line: clear answers to bad input, and a tiny real run. */
class BenchCommandTest {

    private static CommandRun bench(String... args) {
        // every case here ends in seconds; the bound keeps a regression from hanging the build
        return CommandRun.within(Duration.ofSeconds(30), Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new));
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--lanes", "websocket,carrier"), "unknown lane 'carrier'"),
                Arguments.of(List.of("--rate", "0"), "rate must be 1..10000"),
                Arguments.of(List.of("--rate", "fast"), "--rate"),
                Arguments.of(List.of("--size", "1GB"), "'1GB' is not a size"),
                Arguments.of(List.of("--size", "1000000"), "payload size must be"),
                Arguments.of(List.of("--duration", "abc"), "'abc' is not a duration"),
                Arguments.of(List.of("--clients", "0"), "clients per lane must be"),
                Arguments.of(List.of("--publish", "carrier-pigeon"), "--publish must be sns or websocket, got 'carrier-pigeon'"),
                Arguments.of(List.of("--pool-mode", "magic"), "unknown --pool-mode 'magic'"),
                Arguments.of(List.of("--room", "two words"), "a room name holds only A-Z, a-z, 0-9, '_' and '-'"),
                Arguments.of(List.of("--rtt", "-5"), "--rtt and --jitter"),
                Arguments.of(List.of("--frobnicate"), "Unknown option: '--frobnicate'"),
                Arguments.of(List.of("--duraton", "5s"), "(did you mean --duration?)"),
                Arguments.of(List.of("--rate", "2.5"), "'2.5' is not a whole number"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void badOptionsExit2WithAMessageNamingTheProblem(List<String> args, String message) {
        CommandRun o = bench(args.toArray(String[]::new));
        assertEquals(2, o.exit(), o.all());
        assertTrue(o.err().contains(message), o.all());
        o.assertNoStackTrace();
    }

    @Test
    void aBadOptionPrintsAShortUsageLineThenItsReasonLast() {
        CommandRun o = bench("--frobnicate");
        List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), o.all());
        assertTrue(lines.get(0).startsWith("Usage: connlab bench [OPTIONS]"), o.all());
        assertEquals("Unknown option: '--frobnicate'", lines.get(1), o.all());
    }

    @Test
    void helpSaysThatNoCommandOpensTheWindow() {
        CommandRun run = CommandRun.of("--help");
        assertEquals(0, run.exit());
        String help = run.out().replaceAll("\\s+", " "); // picocli wraps at 80 columns
        assertTrue(help.contains("With no command, connlab opens the lab's window. The commands run in the terminal"), help);
    }

    @Test
    void aMissingProfileFileExits2(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        CommandRun o = bench("--profile", missing.toString(), "--duration", "1s");
        assertEquals(2, o.exit(), o.all());
        assertTrue(o.err().contains("no such file") && o.err().contains("nope.json"), o.all());
        o.assertNoStackTrace();
    }

    @Test
    void aProfileThatIsADirectoryExits2(@TempDir Path dir) {
        CommandRun o = bench("--profile", dir.toString(), "--duration", "1s");
        assertEquals(2, o.exit(), o.all());
        assertTrue(o.err().contains("bench: endpoint profile " + dir), o.all());
        o.assertNoStackTrace();
    }

    @Test
    void aMalformedProfileExits2(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"x\", ", StandardCharsets.UTF_8);
        CommandRun o = bench("--profile", bad.toString(), "--duration", "1s");
        assertEquals(2, o.exit(), o.all());
        assertTrue(o.err().contains("bad.json") && o.err().contains("not valid JSON"), o.all());
        o.assertNoStackTrace();

        Path incomplete = Files.writeString(dir.resolve("incomplete.json"), "{\"name\": \"x\", \"kind\": \"LIVE\"}",
                StandardCharsets.UTF_8);
        o = bench("--profile", incomplete.toString(), "--duration", "1s");
        assertEquals(2, o.exit(), o.all());
        assertTrue(o.err().contains("missing required field 'websocketUrl'"), o.all());
        o.assertNoStackTrace();
    }

    @Test
    void aProfileWhereNothingListensExits1(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "127.0.0.1:" + port;
        String json = "{\"name\": \"gone\", \"kind\": \"MOCK\", \"websocketUrl\": \"ws://" + base + "/dev\","
                + " \"pollUrl\": \"http://" + base + "/dev/poll\", \"snsEndpoint\": \"http://" + base + "/\","
                + " \"topicArn\": \"arn:aws:sns:us-east-1:000000000000:connlab\", \"region\": \"us-east-1\","
                + " \"invokeUrl\": \"http://" + base + "/dev/invoke\"}";
        Path profile = Files.writeString(dir.resolve("gone.json"), json, StandardCharsets.UTF_8);

        CommandRun o = bench("--profile", profile.toString(), "--duration", "2s", "--clients", "2");
        assertEquals(1, o.exit(), o.all());
        assertTrue(o.err().contains("Cannot reach the backend at ") && o.err().contains(base), o.all());
        o.assertNoStackTrace();
    }

    @Test
    void aTinyRunPrintsTheTableAndWritesBothFiles(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        CommandRun o = bench("--duration", "2s", "--clients", "2", "--rate", "10",
                "--json", json.toString(), "--csv", csv.toString());

        assertEquals(0, o.exit(), o.all());
        o.assertNoStackTrace();
        for (String lane : List.of("WebSocket", "Long poll", "Short poll", "Pool: pooled", "Pool: unpooled")) {
            assertTrue(o.out().contains(lane), lane + " column: " + o.all());
        }
        assertTrue(o.out().contains("delivered") && o.out().contains("$ per M delivered"), o.all());
        assertTrue(o.err().contains("published"), "progress lines while it runs: " + o.all());
        // one progress line a second, numbered without a gap
        List<Integer> seconds = o.err().lines().filter(l -> l.startsWith("["))
                .map(l -> Integer.parseInt(l.substring(1, l.indexOf('s')).trim())).toList();
        for (int i = 0; i < seconds.size(); i++) assertEquals(i + 1, seconds.get(i), o.err());

        JsonNode report = new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals("FINISHED", report.path("phase").asText(), report.toString());
        assertEquals(10, report.path("settings").path("ratePerSecond").asInt());
        assertEquals(5, report.path("lanes").size());
        assertTrue(report.path("published").asLong() > 0, report.toString());
        for (JsonNode lane : report.path("lanes")) {
            assertEquals(0, lane.path("lost").asLong(), lane.toString());
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("lane,delivered,lost,duplicates,p50 (ms)"), lines.get(0));
        assertEquals(List.of("WebSocket", "Long poll", "Short poll", "Pool: pooled", "Pool: unpooled"),
                lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList());
    }
}
