package io.connlab.app.engine;

import io.connlab.thread.DaemonThreads;
import io.connlab.ui.model.Faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The fault buttons on the bundled mock, through its admin API like any other client. */
final class MockFaults implements Faults {
    /** How long the burst's connections stay open before they leave again. */
    private static final Duration BURST_STAY = Duration.ofSeconds(10);
    private final LabRuntime runtime;

    MockFaults(LabRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void dropAllWebSockets() throws Exception {
        runtime.admin().drop("websocket");
    }

    @Override
    public void restartBackend() throws Exception {
        runtime.restartMock(null);
    }

    @Override
    public void stopDatabase(Duration pause) throws Exception {
        runtime.admin().stopDatabase(pause);
    }

    /**
     * Opens {@code count} WebSockets at once, as a class joining would; past the gateway's
     * 500 new connections a second the rest are refused with 429. They close after a while.
     */
    @Override
    public void burstOfConnections(int count) throws Exception {
        if (count < 1 || count > 5_000) throw new IllegalArgumentException("a burst is 1..5000 connections");
        HttpClient client = HttpClient.newHttpClient();
        URI uri = runtime.profile().websocketConnectUri();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.add(client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            ws.request(1);
                            return null;
                        }
                    }));
        }
        var closer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("burst-closer"));
        closer.schedule(() -> {
            for (CompletableFuture<WebSocket> f : opening) {
                f.thenAccept(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "burst over"));
            }
            closer.shutdown();
        }, BURST_STAY.toMillis(), TimeUnit.MILLISECONDS);
    }
}
