package io.connlab.app.engine;

import io.connlab.thread.DaemonThreads;
import io.connlab.ui.model.Faults;
import io.connlab.ui.model.Words;

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

/**
 * The fault buttons on the bundled mock, or on a served one (its instructor profile), through the
 * mock's admin API like any other client.
 */
final class MockFaults implements Faults {
    /** How long the burst's connections stay open before they leave again. */
    private static final Duration BURST_STAY = Duration.ofSeconds(10);
    private final LabRuntime runtime;

    MockFaults(LabRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Words dropAllWebSockets() throws Exception {
        FaultOutcome o = new FaultOutcome(runtime.run(), Words.of("mark.drop"));
        int dropped = runtime.admin().drop("websocket");
        return Words.of("outcome.dropped", dropped, o.websocketRecovery(dropped));
    }

    @Override
    public Words restartBackend() throws Exception {
        if (runtime.servedMock()) return Words.of("outcome.servedNoRestart"); // it runs in another process
        FaultOutcome o = new FaultOutcome(runtime.run(), Words.of("mark.restart"));
        runtime.restartMock(null);
        double took = o.secondsSinceStart();
        if (!o.running()) return Words.of("outcome.restarted", took, Words.NOTHING);
        Words ws = o.websocketRecovery(Integer.MAX_VALUE);
        return Words.of("outcome.restarted", took, ws == Words.NOTHING ? ws : Words.of("outcome.webSocketsAfterRestart", ws));
    }

    @Override
    public Words stopDatabase(Duration pause) throws Exception {
        FaultOutcome o = new FaultOutcome(runtime.run(), Words.of("mark.stopDatabase", pause.toSeconds()));
        runtime.admin().stopDatabase(pause);
        if (!o.running()) return Words.of("outcome.databaseStopped", pause.toSeconds(), Words.NOTHING);
        // watch the pool lanes through the pause and a second after it
        FaultOutcome.await(() -> false, pause.plusSeconds(1));
        return Words.of("outcome.databaseStopped", pause.toSeconds(), o.poolFailures());
    }

    /**
     * Opens {@code count} WebSockets at once, as a class joining would; past the gateway's
     * 500 new connections a second the rest are refused with 429. They close after a while.
     */
    @Override
    public Words burstOfConnections(int count) throws Exception {
        if (count < 1 || count > 5_000) throw new IllegalArgumentException("a burst is 1..5000 connections");
        new FaultOutcome(runtime.run(), Words.of("mark.burst", count));
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
        return burstOutcome(opening);
    }

    private static String failure(CompletableFuture<WebSocket> f) {
        try {
            f.join();
            return "";
        } catch (RuntimeException e) {
            return String.valueOf(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** "Burst: 100 connected, 12 refused with 429": waits (bounded) for every handshake's answer. */
    private static Words burstOutcome(List<CompletableFuture<WebSocket>> opening) {
        try {
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (Exception someFailedOrTookLong) {
            // counted below
        }
        int connected = 0;
        int refused = 0;
        int failed = 0;
        int pending = 0;
        for (CompletableFuture<WebSocket> f : opening) {
            if (!f.isDone()) pending++;
            else if (!f.isCompletedExceptionally()) connected++;
            else if (failure(f).contains("429")) refused++;
            else failed++;
        }
        return Words.of("outcome.burst", connected, refused,
                failed > 0 ? Words.of("outcome.burstFailed", failed) : Words.NOTHING,
                pending > 0 ? Words.of("outcome.burstOpening", pending) : Words.NOTHING);
    }
}
