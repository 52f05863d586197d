package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 2: when {@code accept} failed with "Too many open files", Java-WebSocket closed
 * the WebSocket listener for good (the HTTP side recovered). The real backend runs here in its own
 * JVM under {@code ulimit -n}, raw sockets use up its descriptors on one port, then go; each
 * listener must still be listening through the shortage and serve a normal client within a second
 * after it.
 */
@EnabledOnOs(OS.LINUX)
class DescriptorExhaustionTest {
    /** The child's descriptor limit: its JVM, jars and backend take about half of it. */
    private static final int LIMIT = 512;
    private Process child;
    private Path log;
    private InetSocketAddress ws;
    private InetSocketAddress http;
    private String websocketUrl;
    private String pollUrl;
    private int headroom;
    private final List<Socket> attack = new ArrayList<>();

    /** The backend alone, printing where it listens and how many descriptors it holds; ends when stdin does. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (MockBackend backend = MockBackend.start(MockConfig.defaults())) {
                MockEndpoints e = backend.endpoints();
                String[] fds = new File("/proc/self/fd").list();
                System.out.println("READY " + e.websocketUrl() + " " + e.pollUrl() + " " + (fds == null ? 0 : fds.length));
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the test closes our stdin (or goes away)
                }
            }
        }
    }

    @BeforeEach
    void startTheBackendUnderALowDescriptorLimit() throws Exception {
        log = Files.createTempFile("descriptor-exhaustion", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -n " + LIMIT + " && exec \"$0\" -Xmx256m -cp \"$1\" "
                + "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn \"$2\""; // a nested class's name has a '$'
        child = new ProcessBuilder("bash", "-c", command, java, System.getProperty("java.class.path"), Child.class.getName())
                .redirectError(log.toFile()).start();
        String ready = CompletableFuture.supplyAsync(this::readyLine).get(60, TimeUnit.SECONDS);
        String[] parts = ready.split(" ");
        websocketUrl = parts[1];
        pollUrl = parts[2];
        headroom = LIMIT - Integer.parseInt(parts[3]);
        assertTrue(headroom > 50 && headroom < LIMIT, "descriptors in use at start: " + parts[3]);
        ws = address(websocketUrl);
        http = address(pollUrl);
        // before any attack: both serve (and this JVM's clients are warm)
        assertChats();
        assertPolls();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : attack) s.close();
        if (child != null) {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }

    @Test
    void theWebSocketListenerSurvivesRunningOutOfDescriptors() throws Exception {
        exhaustThrough(ws, "accepting a WebSocket connection failed (Too many open files)");
        releaseAndExpectBothServed();
    }

    @Test
    void theHttpListenerSurvivesRunningOutOfDescriptors() throws Exception {
        exhaustThrough(http, "accepting an HTTP connection failed (Too many open files)");
        releaseAndExpectBothServed();
    }

    /** Opens more connections than the child has descriptors left, until its log says accept failed. */
    private void exhaustThrough(InetSocketAddress port, String listenerSays) throws Exception {
        for (int i = 0; i < headroom + 50; i++) attack.add(connect(port)); // past the limit they wait in the backlog
        await().atMost(Duration.ofSeconds(10)).until(() -> descriptorsOf(child) >= LIMIT - 1);
        // still listening: a new connection is taken into the backlog, not refused
        try (Socket more = connect(port)) {
            assertTrue(more.isConnected());
        }
        // and it met the shortage (and said so), rather than the attack falling short of the limit
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).contains(listenerSays));
        assertTrue(child.isAlive(), Files.readString(log));
    }

    private void releaseAndExpectBothServed() throws Exception {
        for (Socket s : attack) s.close();
        attack.clear();
        await().atMost(Duration.ofSeconds(1)).untilAsserted(this::assertChats);
        await().atMost(Duration.ofSeconds(1)).untilAsserted(this::assertPolls);
        assertTrue(child.isAlive(), Files.readString(log));
    }

    private void assertChats() throws Exception {
        ChatClient a = ChatClient.connect(websocketUrl, "");
        try {
            a.chat("after");
            assertEquals("after", a.next());
        } finally {
            a.closeBlocking();
        }
    }

    private void assertPolls() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(pollUrl + "?cursor=0&wait=0"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private static int descriptorsOf(Process p) {
        String[] fds = new File("/proc/" + p.pid() + "/fd").list(); // bash exec'd the JVM: the same process
        return fds == null ? 0 : fds.length;
    }

    private static Socket connect(InetSocketAddress port) throws IOException {
        Socket s = new Socket();
        s.connect(port, 5000);
        return s;
    }

    private static InetSocketAddress address(String url) {
        URI u = URI.create(url);
        return new InetSocketAddress(u.getHost(), u.getPort());
    }

    private String readyLine() {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("READY ")) return line;
            }
            throw new AssertionError("the backend printed no READY line: " + Files.readString(log));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
