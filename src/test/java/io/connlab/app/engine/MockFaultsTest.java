package io.connlab.app.engine;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's fault buttons, each on the real bundled mock, seen by a real client or the admin
 * API (stopping the database is seen by the pool lanes: LabOnMockTest).
 */
class MockFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final LabRuntime runtime = new LabRuntime();
    private Faults faults;
    private MockAdminClient admin;

    @BeforeEach
    void startTheBundledMock() throws Exception {
        runtime.useBackend(BackendChoice.mock());
        faults = runtime.faults().orElseThrow();
        admin = runtime.admin();
    }

    @AfterEach
    void close() throws Exception {
        runtime.close();
    }

    private int websockets() throws Exception {
        return admin.status().path("websocketConnections").asInt();
    }

    @Test
    void dropAllWebSocketsClosesAConnectedClient() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(runtime.profile().websocketConnectUri(),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete(code);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(1006);
                    }
                }).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> websockets() == 1);
        faults.dropAllWebSockets();
        int code = closed.get(10, TimeUnit.SECONDS);
        assertTrue(code == 1001 || code == 1006, "closed as a gateway failure: " + code);
        await().atMost(WAIT).until(() -> websockets() == 0);
    }

    @Test
    void aBurstOpensThatManyConnectionsAndABadCountIsRefused() throws Exception {
        faults.burstOfConnections(5);
        await().atMost(WAIT).until(() -> websockets() == 5);
        assertThrows(IllegalArgumentException.class, () -> faults.burstOfConnections(0));
        assertThrows(IllegalArgumentException.class, () -> faults.burstOfConnections(5_001));
    }

    @Test
    void restartBackendComesBackOnTheSamePorts() throws Exception {
        String pollUrl = runtime.profile().pollUrl();
        long published = admin.status().path("messagesPublished").asLong();
        faults.restartBackend();
        assertEquals(pollUrl, runtime.profile().pollUrl(), "the lanes reconnect to the same address");
        assertEquals(0, runtime.admin().status().path("messagesPublished").asLong(), "a fresh backend, was " + published);
    }
}
