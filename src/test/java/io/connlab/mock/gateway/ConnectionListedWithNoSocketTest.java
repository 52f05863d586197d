package io.connlab.mock.gateway;

import io.connlab.fixtures.OpenSockets;
import io.connlab.mock.TimeScale;
import io.connlab.mock.http.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: after 700 clients were cut off, one connection stayed listed (and {@code @connections}
 * answered 200 for it) with no socket behind it. A write that failed on the network timer closed
 * the socket without telling Java-WebSocket: closing it cancelled the selector's key, so the
 * selector never read the reset either, and {@code onClose} never ran. Reproduced by holding the
 * selector (as 700 closing sockets do) while the timer writes a backlog to a client that resets.
 */
class ConnectionListedWithNoSocketTest {
    private static final int KB = 1024;
    private static final String HOLD = "hold the selector";
    private final CountDownLatch selectorHeld = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebSocketGateway gateway = new WebSocketGateway("dev", GatewayLimits.apiGateway(), TimeScale.REAL,
            data -> {
                if (!data.equals(HOLD)) return;
                selectorHeld.countDown(); // runs on the selector thread, which decodes inline
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

    @AfterEach
    void stop() {
        release.countDown();
        gateway.close();
    }

    @Test
    void aClientThatResetsWhileTheTimerWritesItsBacklogLeavesTheRegistry() throws Exception {
        InetSocketAddress address = gateway.start();
        try (TestHttp api = TestHttp.serve("/dev/@connections/{connectionId}", gateway.connectionsApi())) {
            int sockets = OpenSockets.count();
            RawWebSocket victim = RawWebSocket.connect(address, 4 * KB);
            String id = onlyConnectionId();
            fillUntilTheTimerWrites(id);

            try (RawWebSocket blocker = RawWebSocket.connect(address)) {
                blocker.send(RawWebSocket.TEXT, true, true,
                        ("{\"action\":\"sendmessage\",\"data\":\"" + HOLD + "\"}").getBytes(StandardCharsets.UTF_8));
                assertTrue(selectorHeld.await(5, TimeUnit.SECONDS), "the selector is held");
                victim.socket.setSoLinger(true, 0);
                victim.close(); // a reset, while only the timer is writing to it
                await().atMost(Duration.ofSeconds(5)).until(() -> gateway.edge().openConnections() == 1);
                release.countDown();
            }

            // both ends of the victim and the blocker are gone (the server's end once the selector deregisters it)
            await().atMost(Duration.ofSeconds(5)).until(() -> OpenSockets.count() <= sockets);
            assertEquals(410, await().atMost(Duration.ofSeconds(5)).until(() -> get(api, id), r -> r.statusCode() == 410)
                    .statusCode());
            assertTrue(get(api, id).headers().firstValue("x-amzn-ErrorType").orElse("").equals("GoneException"));
            assertEquals(0, gateway.connectionCount());
        }
    }

    /** A close behind a backlog the client never reads: its socket is reset after the linger, not kept for ever. */
    @Test
    void aClosedClientThatNeverReadsReleasesItsSocket() throws Exception {
        InetSocketAddress address = gateway.start();
        try (TestHttp api = TestHttp.serve("/dev/@connections/{connectionId}", gateway.connectionsApi());
             RawWebSocket stuck = RawWebSocket.connect(address, 4 * KB)) {
            String id = onlyConnectionId();
            fillUntilTheTimerWrites(id);

            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(base(api) + id))
                    .timeout(Duration.ofSeconds(5)).DELETE().build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(204, deleted.statusCode(), deleted.body());
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connectionCount() == 0);
            await().atMost(Duration.ofNanos(GatewayChannels.LINGER_NANOS).plusSeconds(5))
                    .until(() -> gateway.edge().openConnections() == 0);
            assertEquals(1006, stuck.awaitCloseCode(), "a reset, after the backlog it never read");
        }
    }

    private String onlyConnectionId() {
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connectionCount() == 1);
        return gateway.connections().get(0).id();
    }

    /**
     * Broadcasts until the client's send backlog is full: far past what the kernel's buffers absorb
     * (they grow while the first backlog drains), so the rest waits for the network timer's retries.
     */
    private void fillUntilTheTimerWrites(String id) {
        String message = "m".repeat(64 * KB);
        for (int i = 0; i < 400 && gateway.droppedForSlowClients() == 0; i++) gateway.broadcast(message);
        assertTrue(gateway.sendBacklog(id) > GatewayLimits.apiGateway().sendBacklogBytes() - 64 * KB, "the backlog is full");
    }

    private HttpResponse<String> get(TestHttp api, String id) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base(api) + id)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base(TestHttp api) {
        return "http://127.0.0.1:" + api.port() + "/dev/@connections/";
    }
}
