package io.connlab.mock.gateway;

import io.connlab.mock.http.TestHttp;
import io.connlab.mock.TimeScale;
import io.connlab.mock.edge.NetworkConditions;
import io.connlab.mock.http.HttpIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway with its own socket edge and front door: what a client of the mock sees. */
class GatewayEdgeTest {
    private static final int CONNECTS_PER_SECOND = 3;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebSocketGateway gateway;
    private TestHttp httpServer;

    @BeforeEach
    void start() throws Exception {
        start(GatewayLimits.apiGateway());
    }

    private void start(GatewayLimits limits) throws Exception {
        if (gateway != null) stop();
        gateway = new WebSocketGateway(new InetSocketAddress("127.0.0.1", 0), "dev", limits, TimeScale.REAL,
                new NetworkConditions(0, 0), "s3cret", null);
        gateway.start();
        httpServer = TestHttp.serve("/dev/@connections/{connectionId}", gateway.connectionsApi());
    }

    @AfterEach
    void stop() {
        gateway.close();
        httpServer.close();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + gateway.address().getPort() + pathAndQuery);
    }

    /** The status a java.net.http WebSocket client reads when its handshake is refused. */
    private int refusedStatus(String pathAndQuery) {
        CompletionException e = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri(pathAndQuery), new WebSocket.Listener() { })
                .join());
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }

    /** A raw upgrade request through the edge; returns the response head and its body, if any. */
    private String rawHandshake(String pathAndQuery) throws Exception {
        try (Socket s = new Socket("127.0.0.1", gateway.address().getPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) break;
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)").matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return head + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void aHandshakeWithoutTheTokenReads401() throws Exception {
        assertEquals(401, refusedStatus("/dev"));
        assertEquals(401, refusedStatus("/dev?token=wrong"));
        String raw = rawHandshake("/dev?token=wrong");
        assertTrue(raw.startsWith("HTTP/1.1 401 Unauthorized\r\n"), raw);
        assertTrue(raw.endsWith("\r\n\r\n{\"message\":\"Unauthorized\"}"), raw);
        assertAClientStillChats();
    }

    @Test
    void aHandshakeOnTheWrongPathReads403() {
        assertEquals(403, refusedStatus("/prod?token=s3cret"));
    }

    @Test
    void handshakesPastTheConnectRateRead429() throws Exception {
        start(GatewayLimits.apiGateway().withNewConnectionsPerSecond(CONNECTS_PER_SECOND));
        // A second boundary resets the count: use up the quota, then ask with java.net.http at
        // once; if the boundary fell in between (it admits, rightly), go round again.
        int seenByHttpClient = 0;
        for (int round = 0; round < 4 && seenByHttpClient != 429; round++) {
            int status = 0;
            for (int attempt = 0; attempt < 4 * CONNECTS_PER_SECOND && status != 429; attempt++) {
                String raw = rawHandshake("/dev?token=s3cret");
                status = Integer.parseInt(raw.substring(9, 12));
                assertTrue(status == 101 || status == 429, raw);
                if (status == 429) assertTrue(raw.endsWith("{\"message\":\"Too Many Requests\"}"), raw);
            }
            assertEquals(429, status);
            seenByHttpClient = statusSeenByHttpClient("/dev?token=s3cret");
            assertTrue(seenByHttpClient == 429 || seenByHttpClient == 101, "status " + seenByHttpClient);
        }
        assertEquals(429, seenByHttpClient, "java.net.http reads the 429 within the same second");
    }

    /** The handshake's status as java.net.http sees it: 101 when admitted (then closed), else the refusal's. */
    private int statusSeenByHttpClient(String pathAndQuery) {
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(uri(pathAndQuery), new WebSocket.Listener() { }).join();
            ws.abort();
            return 101;
        } catch (CompletionException e) {
            return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
        }
    }

    @Test
    void anAdmittedClientSeesItsOwnAddressAsSourceIp() throws Exception {
        // bound to 127.0.0.2 so its address differs from the gateway's own; its X-Forwarded-For is not believed
        ChatClient c = new ChatClient(uri("/dev?token=s3cret"), Map.of("User-Agent", "ConnLab-Edge/1.0",
                "X-Forwarded-For", "6.6.6.6"));
        c.setSocketFactory(new SocketFactory() {
            @Override
            public Socket createSocket() throws java.io.IOException {
                Socket s = new Socket();
                s.bind(new InetSocketAddress("127.0.0.2", 0));
                return s;
            }

            @Override public Socket createSocket(String h, int p) { throw new UnsupportedOperationException(); }
            @Override public Socket createSocket(String h, int p, InetAddress l, int lp) { throw new UnsupportedOperationException(); }
            @Override public Socket createSocket(InetAddress h, int p) { throw new UnsupportedOperationException(); }
            @Override public Socket createSocket(InetAddress h, int p, InetAddress l, int lp) { throw new UnsupportedOperationException(); }
        });
        assertTrue(c.connectBlocking(5, TimeUnit.SECONDS));
        String id = c.connectionId();

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + httpServer.port() + "/dev/@connections/" + id)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode());
        Map<?, ?> body = HttpIo.JSON.readValue(r.body(), Map.class);
        assertEquals(Map.of("sourceIp", "127.0.0.2", "userAgent", "ConnLab-Edge/1.0"), body.get("identity"));
    }

    private void assertAClientStillChats() throws Exception {
        ChatClient c = new ChatClient(uri("/dev?token=s3cret"), Map.of());
        assertTrue(c.connectBlocking(5, TimeUnit.SECONDS));
        c.chat("through the edge");
        assertEquals("through the edge", c.next());
    }
}
