package io.connlab.mock.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, minor: an HTTP/2 connection that stalls half way (the preface, a header block, a frame)
 * lived for the idle timeout (5 minutes) where an HTTP/1.1 head gets 10 s. Now each must finish
 * within the head deadline, here 300 ms; a connection that finished its preface and is quiet is not
 * stalled, and keeps its idle timeout.
 */
class Http2ArrivalDeadlinesTest {
    private static final Duration HEAD = Duration.ofMillis(300);
    private TestHttp http;

    @BeforeEach
    void serve() throws Exception {
        Routes routes = new Routes().add(new Route("/{path+}",
                ex -> ex.respond(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)), 1 << 20, true, Route.Access.OPEN));
        http = TestHttp.serve(routes, HttpLimits.defaults().withTimeouts(HEAD, Duration.ofSeconds(10), Duration.ofMinutes(5)));
        NormalClient.warmUp(http.port(), "/warm");
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"half the magic", "the magic without its SETTINGS", "half a SETTINGS frame",
            "a header block without its end", "half a HEADERS frame", "half a DATA frame"})
    void aStalledConnectionIsClosedAfterTheHeadDeadline(String stall) throws Exception {
        try (Socket quiet = connected(); Socket stalled = connected()) {
            quiet.getOutputStream().write(concat(RawH2.PREFACE, frame(RawH2.SETTINGS, 0, 0, new byte[0])));
            stalled.getOutputStream().write(stalledAt(stall));
            await().atMost(Duration.ofSeconds(10)).until(() -> closedByServer(stalled));
            assertTrue(!quiet.isClosed() && http.server.openConnections() >= 1);
            assertEquals(1, http.server.timedOutTotal(), "counted as timed out");
            // the quiet one stays: finished with its preface, it is idle, not stalled
            await().atMost(Duration.ofSeconds(1)).until(() -> http.server.openConnections() == 1); // the quiet one stays
            NormalClient.servedWithinASecond(http.port(), "/after");
        }
    }

    @Test
    void aConnectionUpgradedFromHttp11GetsTheSameDeadlineForItsPreface() throws Exception {
        try (Socket upgraded = connected()) {
            upgraded.getOutputStream().write(("GET /up HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] switching = upgraded.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 101", new String(switching, StandardCharsets.US_ASCII));
            upgraded.getOutputStream().write(RawH2.PREFACE); // and never the SETTINGS that ends the preface
            await().atMost(Duration.ofSeconds(10)).until(() -> closedByServer(upgraded));
            assertEquals(1, http.server.timedOutTotal());
        }
        NormalClient.servedWithinASecond(http.port(), "/after");
    }

    private Socket connected() throws IOException {
        Socket s = new Socket("127.0.0.1", http.port());
        s.setSoTimeout(15_000);
        return s;
    }

    private static byte[] stalledAt(String stall) throws IOException {
        byte[] settings = frame(RawH2.SETTINGS, 0, 0, new byte[0]);
        byte[] preface = concat(RawH2.PREFACE, settings);
        byte[] block = RawH2.firstRequestBlock("POST", "/slow");
        return switch (stall) {
            case "half the magic" -> Arrays.copyOf(RawH2.PREFACE, 12);
            case "the magic without its SETTINGS" -> RawH2.PREFACE;
            case "half a SETTINGS frame" -> concat(RawH2.PREFACE, Arrays.copyOf(frame(RawH2.SETTINGS, 0, 0, new byte[6]), 12));
            case "a header block without its end" -> concat(preface, frame(RawH2.HEADERS, 0, 1, block));
            case "half a HEADERS frame" -> concat(preface, Arrays.copyOf(frame(RawH2.HEADERS, RawH2.END_HEADERS, 1, block), 12));
            case "half a DATA frame" -> concat(preface, frame(RawH2.HEADERS, RawH2.END_HEADERS, 1, block),
                    Arrays.copyOf(frame(RawH2.DATA, 0, 1, new byte[100]), 50));
            default -> throw new IllegalArgumentException(stall);
        };
    }

    /** True once the server has closed the socket (GOAWAY and whatever else it sent before are read and dropped). */
    private static boolean closedByServer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] b = new byte[4096];
        try {
            while (in.read(b) >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static byte[] frame(int type, int flags, int stream, byte[] payload) {
        return concat(RawH2.frameHead(type, flags, stream, payload.length), payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
