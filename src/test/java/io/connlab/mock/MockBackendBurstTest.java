package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.connlab.mock.LiveBackend.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole class at once: 1,000 simultaneous WebSocket connects and 1,000 simultaneous held polls,
 * all answered by one publish; then the backend still serves.
 */
class MockBackendBurstTest {
    private static final int CLASS_SIZE = 1_000;
    private static final int MAX_ATTEMPTS = 20;
    private static final Duration BOUND = Duration.ofSeconds(60);

    private LiveBackend b;
    private final HttpClient crowd = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final List<WebSocket> sockets = new ArrayList<>();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger refusedWith429 = new AtomicInteger();
    private final AtomicInteger goingAway = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        b = LiveBackend.start();
    }

    @AfterEach
    void stop() {
        for (WebSocket ws : sockets) ws.abort();
        b.close();
    }

    /** Counts each whole text message that arrives, and each close 1001. */
    private final class Counting implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (last) delivered.incrementAndGet();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (statusCode == 1001) goingAway.incrementAndGet();
            return null;
        }
    }

    /**
     * One student's connect. API Gateway admits 500 new connections per second; a refused one
     * (429) tries again a moment later, as a client with backoff does.
     */
    private CompletableFuture<WebSocket> connect(URI uri, int attempt) {
        return crowd.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(uri, new Counting())
                .exceptionallyCompose(e -> {
                    Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                    if (cause instanceof WebSocketHandshakeException h && h.getResponse().statusCode() == 429
                            && attempt < MAX_ATTEMPTS) {
                        refusedWith429.incrementAndGet();
                        return CompletableFuture.supplyAsync(() -> uri,
                                        CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS))
                                .thenCompose(u -> connect(u, attempt + 1));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    @Test
    void aThousandWebSocketsAndAThousandHeldPollsAllGetOnePublish() throws Exception {
        URI ws = URI.create(b.endpoints.websocketUrl());
        List<CompletableFuture<WebSocket>> connects = new ArrayList<>(CLASS_SIZE);
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>(CLASS_SIZE);
        for (int i = 0; i < CLASS_SIZE; i++) {
            connects.add(connect(ws, 1));
            polls.add(crowd.sendAsync(LiveBackend.request(b.endpoints.pollUrl() + "?cursor=0&wait=25")
                    .timeout(BOUND).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(BOUND.toSeconds(), TimeUnit.SECONDS);
        for (CompletableFuture<WebSocket> c : connects) sockets.add(c.get());
        await().atMost(BOUND).until(() -> b.status().get("websocketConnections").asInt() == CLASS_SIZE);
        await().atMost(BOUND).until(() -> b.status().get("heldPolls").asInt() == CLASS_SIZE);
        // at most 500 connects per second got through at once, so a burst of 1,000 met a few 429s
        // unless it spread over two seconds; either way every one is open now
        assertTrue(refusedWith429.get() < CLASS_SIZE * MAX_ATTEMPTS);

        b.publish("everyone");

        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(BOUND.toSeconds(), TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            HttpResponse<String> r = poll.get();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("everyone", json(r).get("messages").get(0).get("data").asText());
        }
        await().atMost(BOUND).until(() -> delivered.get() == CLASS_SIZE);
        assertEquals(0, b.status().get("heldPolls").asInt());

        ChatClient late = b.connect();
        late.chat("still serving");
        assertEquals("still serving", late.next());
        assertEquals(2, json(b.poll("?cursor=1&wait=5")).get("cursor").asLong());

        b.close();
        await().atMost(BOUND).until(() -> goingAway.get() == CLASS_SIZE);
    }
}
