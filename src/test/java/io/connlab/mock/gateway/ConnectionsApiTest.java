package io.connlab.mock.gateway;

import io.connlab.mock.http.TestHttp;
import io.connlab.mock.TimeScale;
import io.connlab.mock.http.HttpIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionsApiTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebSocketGateway gateway;
    private InetSocketAddress wsAddress;
    private TestHttp httpServer;
    private String base;

    @BeforeEach
    void start() throws Exception {
        gateway = new WebSocketGateway("dev", GatewayLimits.apiGateway(), TimeScale.REAL, null);
        wsAddress = gateway.start();
        httpServer = TestHttp.serve("/dev/@connections/{connectionId}", gateway.connectionsApi());
        base = "http://127.0.0.1:" + httpServer.port() + "/dev/@connections/";
    }

    @AfterEach
    void stop() {
        httpServer.close();
        gateway.close();
    }

    private HttpResponse<String> call(String method, String id, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + id)).timeout(Duration.ofSeconds(5))
                .method(method, body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String id) throws Exception {
        return call(method, id, HttpRequest.BodyPublishers.noBody());
    }

    private static Map<?, ?> json(HttpResponse<String> r) throws Exception {
        return HttpIo.JSON.readValue(r.body(), Map.class);
    }

    @Test
    void postSendsTheBodyToThatConnectionOnly() throws Exception {
        ChatClient target = ChatClient.connect(wsAddress, "/dev");
        ChatClient other = ChatClient.connect(wsAddress, "/dev");
        String id = target.connectionId();
        other.connectionId();

        HttpResponse<String> r = call("POST", id, HttpRequest.BodyPublishers.ofString("{\"seq\":7} ✓"));

        assertEquals(200, r.statusCode());
        assertEquals("{\"seq\":7} ✓", target.next());
        gateway.broadcast("marker");
        assertEquals("marker", other.next(), "the other connection got nothing before the marker");
    }

    @Test
    void postAcceptsAnEscapedId() throws Exception {
        ChatClient target = ChatClient.connect(wsAddress, "/dev");
        String id = target.connectionId();

        HttpResponse<String> r = call("POST", id.replace("=", "%3D"), HttpRequest.BodyPublishers.ofString("hi"));

        assertEquals(200, r.statusCode());
        assertEquals("hi", target.next());
    }

    @Test
    void postOver128KbGets413AndTheConnectionStays() throws Exception {
        ChatClient target = ChatClient.connect(wsAddress, "/dev");
        String id = target.connectionId();

        HttpResponse<String> r = call("POST", id, HttpRequest.BodyPublishers.ofString("x".repeat(128 * 1024 + 1)));

        assertEquals(413, r.statusCode());
        assertEquals("PayloadTooLargeException", r.headers().firstValue("x-amzn-ErrorType").orElse(""));
        assertTrue(((String) json(r).get("message")).contains("131072"), r.body());
        String exactly = "y".repeat(128 * 1024);
        assertEquals(200, call("POST", id, HttpRequest.BodyPublishers.ofString(exactly)).statusCode());
        assertEquals(exactly, target.next());
        GatewayTesting.assertStillChats(wsAddress);
    }

    @Test
    void getDescribesTheConnection() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        ChatClient c = ChatClient.connect(wsAddress, "/dev", Map.of("User-Agent", "ConnLab-Test/2.0",
                "X-Forwarded-For", "198.51.100.7"));
        String id = c.connectionId();

        HttpResponse<String> r = call("GET", id);

        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        Map<?, ?> body = json(r);
        Instant connectedAt = Instant.parse((String) body.get("connectedAt"));
        Instant lastActiveAt = Instant.parse((String) body.get("lastActiveAt"));
        assertTrue(connectedAt.isAfter(before));
        assertFalse(lastActiveAt.isBefore(connectedAt));
        // the socket's own address: a client's X-Forwarded-For is not believed
        assertEquals(Map.of("sourceIp", "127.0.0.1", "userAgent", "ConnLab-Test/2.0"), body.get("identity"));
    }

    @Test
    void deleteClosesTheClientWith1000ThenTheIdIsGone() throws Exception {
        ChatClient c = ChatClient.connect(wsAddress, "/dev");
        String id = c.connectionId();

        HttpResponse<String> r = call("DELETE", id);

        assertEquals(204, r.statusCode());
        c.awaitClose();
        assertEquals(1000, c.closeCode);
        await().until(() -> gateway.connectionCount() == 0);
        for (String method : new String[]{"GET", "POST", "DELETE"}) {
            HttpResponse<String> gone = call(method, id, HttpRequest.BodyPublishers.ofString("late"));
            assertEquals(410, gone.statusCode(), method);
            assertEquals("GoneException", gone.headers().firstValue("x-amzn-ErrorType").orElse(""), method);
            assertTrue(json(gone).get("message") instanceof String, method);
        }
        GatewayTesting.assertStillChats(wsAddress);
    }

    @Test
    void anIdThatClosedItselfIsGone() throws Exception {
        ChatClient c = ChatClient.connect(wsAddress, "/dev");
        String id = c.connectionId();
        c.closeBlocking();

        HttpResponse<String> r = call("POST", id, HttpRequest.BodyPublishers.ofString("late"));

        assertEquals(410, r.statusCode());
        assertEquals("GoneException", r.headers().firstValue("x-amzn-ErrorType").orElse(""));
    }

    @Test
    void unknownIdsAreGone() throws Exception {
        for (String method : new String[]{"GET", "POST", "DELETE"}) {
            HttpResponse<String> r = call(method, "AAAAAAAAAAAAAAA=", HttpRequest.BodyPublishers.ofString("x"));
            assertEquals(410, r.statusCode(), method);
            assertEquals("GoneException", r.headers().firstValue("x-amzn-ErrorType").orElse(""), method);
        }
        assertEquals(410, call("GET", "no%2Fsuch").statusCode(), "an escaped '/' stays in the one id segment");
        assertEquals(404, call("GET", "no/such").statusCode(), "two segments: no route");
        assertEquals("bad%zz", ConnectionsApi.connectionId("/dev/@connections/bad%zz"), "a malformed escape is kept as is");
        GatewayTesting.assertStillChats(wsAddress);
    }

    @Test
    void otherMethodsGet405AndAMissingIdGets404() throws Exception {
        ChatClient c = ChatClient.connect(wsAddress, "/dev");
        String id = c.connectionId();

        HttpResponse<String> put = call("PUT", id, HttpRequest.BodyPublishers.ofString("x"));
        assertEquals(405, put.statusCode());
        assertTrue(json(put).get("message") instanceof String);

        HttpResponse<String> missing = call("GET", "");
        assertEquals(404, missing.statusCode());
        assertEquals("Not Found", json(missing).get("message"));
        assertTrue(c.isOpen());
        GatewayTesting.assertStillChats(wsAddress);
    }

    /** API Gateway's answer when a client's buffer is full: 429 LimitExceededException, not an unbounded queue. */
    @Test
    void postToAClientThatNeverReadsEndsInLimitExceeded() throws Exception {
        try (RawWebSocket stuck = RawWebSocket.connect(wsAddress, 4 * 1024)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connectionCount() == 1);
            String id = gateway.connections().get(0).id();
            String body = "m".repeat(100 * 1024);
            HttpResponse<String> r = null;
            for (int i = 0; i < 400 && (r == null || r.statusCode() == 200); i++) {
                r = call("POST", id, HttpRequest.BodyPublishers.ofString(body));
            }
            assertEquals(429, r.statusCode(), r.body());
            assertEquals("LimitExceededException", r.headers().firstValue("x-amzn-ErrorType").orElse(""));
            assertTrue(gateway.sendBacklog(id) <= GatewayLimits.apiGateway().sendBacklogBytes());
        }
    }
}
