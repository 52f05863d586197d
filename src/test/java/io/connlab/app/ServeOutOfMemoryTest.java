package io.connlab.app;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8, item 2: after an OutOfMemoryError the mock's ports still accepted connections, but
 * nothing answered and SIGTERM failed. Runs the real {@code serve} in its own JVM with a heap
 * smaller than the poll window's byte bound, floods it with SNS's largest messages, and expects
 * it to exit with status 3 and a message, not to hang.
 */
class ServeOutOfMemoryTest {
    private static final Pattern SNS_ENDPOINT = Pattern.compile("SNS endpoint\\s+(http://\\S+)");
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:connlab";
    private static final int MAX_PUBLISHES = 600;

    @Test
    void serveInATinyHeapFloodedWithPublishesExitsWithAMessage() throws Exception {
        Path err = Files.createTempFile("serve-oom", ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Main.class.getName(), "serve"))
                .redirectError(err.toFile()).start();
        try {
            String endpoint = CompletableFuture.supplyAsync(() -> snsEndpoint(serve)).get(60, TimeUnit.SECONDS);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest publish = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=Publish&TopicArn="
                            + URLEncoder.encode(TOPIC, StandardCharsets.UTF_8) + "&Message="
                            + URLEncoder.encode("\u0001".repeat(262_144), StandardCharsets.UTF_8))).build();
            for (int i = 0; i < MAX_PUBLISHES && serve.isAlive(); i++) {
                try {
                    http.send(publish, HttpResponse.BodyHandlers.discarding());
                } catch (IOException refusedOrReset) {
                    break; // the process is going away: what the test waits for
                }
            }
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve neither exited nor ran out of memory: "
                    + Files.readString(err));
            String said = Files.readString(err);
            assertEquals(3, serve.exitValue(), said);
            assertTrue(said.contains("ConnLab ran out of memory"), said);
        } finally {
            serve.destroyForcibly();
            serve.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(err);
        }
    }

    private static String snsEndpoint(Process serve) {
        try {
            return readSnsEndpoint(serve);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readSnsEndpoint(Process serve) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = SNS_ENDPOINT.matcher(line);
            if (m.find()) {
                // keep draining stdout so the process never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-stdout");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("serve printed no SNS endpoint (exit " + (serve.isAlive() ? "-" : serve.exitValue()) + ")");
    }
}
