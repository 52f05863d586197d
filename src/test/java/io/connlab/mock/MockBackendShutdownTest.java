package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.LiveBackend.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing the backend: held polls answered, WebSocket clients told 1001, ports freed; closing twice is harmless. */
class MockBackendShutdownTest {
    private LiveBackend b;

    @AfterEach
    void stop() {
        if (b != null) b.close();
    }

    @Test
    void closeAnswersEveryHeldPollAndClosesWebSocketsWith1001() throws Exception {
        b = LiveBackend.start();
        b.publish("before");
        List<ChatClient> sockets = List.of(b.connect(), b.connect(), b.connect());
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 5; i++) polls.add(b.pollAsync("?cursor=1&wait=20"));
        await().atMost(Duration.ofSeconds(10)).until(() -> b.status().get("heldPolls").asInt() == 5
                && b.status().get("websocketConnections").asInt() == 3);

        b.backend.close();

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            HttpResponse<String> r = poll.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode answer = json(r);
            assertEquals(0, answer.get("messages").size(), r.body());
            assertEquals(1, answer.get("cursor").asLong(), "the cursor is unchanged, so a client resumes elsewhere");
        }
        for (ChatClient ws : sockets) assertEquals(1001, ws.awaitCloseCode());
    }

    /** Regression: Java-WebSocket's stop() alone left some clients without their 1001 (reset instead). */
    @Test
    void closeReachesAWholeClassBehindAnAddedRoundTripTime() throws Exception {
        int n = 300;
        b = new LiveBackend(MockConfig.defaults().withNetwork(100, 0));
        HttpClient crowd = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Integer>> closeCodes = new ArrayList<>();
        List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<Integer> code = new CompletableFuture<>();
            closeCodes.add(code);
            sockets.add(crowd.newWebSocketBuilder().buildAsync(URI.create(b.endpoints.websocketUrl()), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                    code.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket ws, Throwable error) {
                    code.completeExceptionally(error);
                }
            }));
            polls.add(crowd.sendAsync(LiveBackend.request(b.endpoints.pollUrl() + "?cursor=0&wait=25").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> b.status().get("heldPolls").asInt() == n);

        b.backend.close();

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            HttpResponse<String> r = poll.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(0, json(r).get("messages").size(), r.body());
        }
        for (CompletableFuture<Integer> code : closeCodes) assertEquals(1001, code.get(10, TimeUnit.SECONDS));
        for (CompletableFuture<WebSocket> ws : sockets) ws.get().abort();
    }

    @Test
    void closingTwiceIsHarmlessAndFreesTheListeners() throws Exception {
        b = LiveBackend.start();
        URI http = URI.create(b.endpoints.pollUrl());
        URI ws = URI.create(b.endpoints.websocketUrl());
        b.backend.close();
        b.backend.close();
        assertThrows(ConnectException.class, () -> new Socket(http.getHost(), http.getPort()).close());
        assertThrows(ConnectException.class, () -> new Socket(ws.getHost(), ws.getPort()).close());
    }

    @Test
    void aBackendOnFixedPortsStartsAgainOnTheSamePortsAfterClose() throws Exception {
        int httpPort = freePort();
        int wsPort = freePort();
        MockConfig fixed = new MockConfig("127.0.0.1", httpPort, wsPort, "dev", TimeScale.REAL, null, 0, 0, 100);
        for (int round = 1; round <= 2; round++) {
            b = new LiveBackend(fixed);
            assertEquals("ws://127.0.0.1:" + wsPort + "/dev", b.endpoints.websocketUrl());
            assertEquals("http://127.0.0.1:" + httpPort + "/dev/poll", b.endpoints.pollUrl());
            ChatClient c = b.connect();
            c.chat("round " + round);
            assertEquals("round " + round, c.next());
            assertEquals(1, json(b.poll("?cursor=0&wait=5")).get("cursor").asLong());
            assertEquals(200, b.invoke("?mode=pooled").statusCode());
            b.close();
            b = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void afterCloseNoThreadTheBackendStartedRemains() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        b = LiveBackend.start();
        ChatClient ws = b.connect();
        CompletableFuture<HttpResponse<String>> held = b.pollAsync("?cursor=0&wait=20");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.status().get("heldPolls").asInt() == 1);
        b.publish("exercise every part");
        assertEquals("exercise every part", ws.next());
        assertEquals(200, held.get(10, TimeUnit.SECONDS).statusCode());
        for (String mode : List.of("pooled", "unpooled", "proxy")) {
            assertEquals(200, b.invoke("?mode=" + mode).statusCode(), mode);
        }
        assertTrue(new BackendThreads(before).started().size() > 0, "the backend's threads are seen");

        b.close();
        b = null;

        BackendThreads threads = new BackendThreads(before);
        await().atMost(Duration.ofSeconds(10)).until(threads::started, List::isEmpty);
    }
}
