package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.metrics.Clock;
import io.connlab.metrics.LaneRecorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One simulated user of the {@link WebSocketLane}: its connection, its reconnect loop and
 * what it has seen. The JDK calls the listener methods one at a time per connection.
 */
final class WebSocketUser implements WebSocket.Listener {
    /** {@code HTTP/1.1 101 Switching Protocols}, Upgrade, Connection, Sec-WebSocket-Accept: what a gateway sends back, roughly. */
    static final long HANDSHAKE_RESPONSE_BYTES = 129;

    private final WebSocketLane lane;
    private final int index;
    private final HttpClient http;
    private final LaneRecorder recorder;
    private final String runId;
    private final long handshakeRequestBytes;

    private final AtomicReference<WebSocket> ws = new AtomicReference<>();
    private final StringBuilder partial = new StringBuilder();
    private final Object sendLock = new Object();
    private CompletableFuture<Void> sendTail = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);

    volatile LaneState state = LaneState.CONNECTING;
    /** The gateway's id for the current connection, once a gateway answer told it; null before. */
    volatile String connectionId;
    volatile long lastSentNanos = System.nanoTime();
    private volatile int attempt;
    private volatile boolean everOpened;
    private volatile long lastSeq = -1;
    private volatile boolean away;
    private volatile long awayFromSeq = -1;

    WebSocketUser(WebSocketLane lane, int index, HttpClient http) {
        this.lane = lane;
        this.index = index;
        this.http = http;
        this.recorder = lane.recorder();
        this.runId = lane.settings().runId();
        this.handshakeRequestBytes = handshakeRequestBytes(lane.uri());
    }

    void connect() {
        if (lane.stopped()) return;
        recorder.requestSent(index, handshakeRequestBytes);
        try {
            http.newWebSocketBuilder().connectTimeout(lane.settings().connectTimeout())
                    .buildAsync(lane.uri(), this)
                    .whenComplete((w, err) -> {
                        if (err != null) handshakeFailed(err);
                    });
        } catch (RuntimeException e) {
            handshakeFailed(e);
        }
    }

    @Override
    public void onOpen(WebSocket w) {
        if (lane.stopped()) {
            w.abort();
            state = LaneState.STOPPED;
            return;
        }
        closed = new CompletableFuture<>();
        lastSentNanos = System.nanoTime();
        if (everOpened) lane.reconnects.incrementAndGet();
        everOpened = true;
        attempt = 0;
        ws.set(w);
        state = LaneState.OPEN;
        recorder.responseReceived(index, 101, HANDSHAKE_RESPONSE_BYTES, 0);
        recorder.connectionOpened(index);
        w.request(1);
        if (lane.stopped()) abort(); // stop() ran between our check and ws.set
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
        } else if (partial.length() == 0) {
            text(data.toString());
        } else {
            partial.append(data);
            String whole = partial.toString();
            partial.setLength(0);
            text(whole);
        }
        w.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
        ended(w, statusCode, reason);
        return null; // the JDK answers the close frame with the same code
    }

    @Override
    public void onError(WebSocket w, Throwable error) {
        ended(w, 1006, LaneHttp.describe(error));
    }

    private void text(String text) {
        long now = Clock.nowMicros();
        long bytes = WireText.frameBytes(WireText.utf8Length(text), false);
        RunMessage.Stamp stamp = RunMessage.parse(text, runId);
        if (stamp != null) {
            recorder.responseReceived(index, 0, bytes, 1);
            recorder.delivered(index, stamp.seq(), stamp.sentAtMicros(), now);
            if (away) {
                away = false;
                long from = awayFromSeq;
                if (from >= 0 && stamp.seq() > from + 1) lane.missedWhileAway.addAndGet(stamp.seq() - from - 1);
            }
            if (stamp.seq() > lastSeq) lastSeq = stamp.seq();
        } else if (WebSocketLane.isGatewayAnswer(text)) {
            lane.heartbeatAnswers.incrementAndGet();
            if (connectionId == null) connectionId = WebSocketLane.connectionIdIn(text);
            recorder.responseReceived(index, 0, bytes, 0);
        } else {
            recorder.responseReceived(index, 0, bytes, 0);
            recorder.foreign(index, bytes);
        }
    }

    /** The connection is gone (close frame, error, or our own abort); reconnect unless the lane is stopping. */
    private void ended(WebSocket w, int code, String reason) {
        if (!ws.compareAndSet(w, null)) return; // already reported
        partial.setLength(0);
        connectionId = null;
        recorder.connectionClosed(index, code, reason == null ? "" : reason);
        closed.complete(null);
        if (lane.stopped()) {
            state = LaneState.STOPPED;
            return;
        }
        away = true;
        awayFromSeq = lastSeq;
        reconnectLater();
    }

    private void handshakeFailed(Throwable err) {
        if (lane.stopped()) {
            state = LaneState.STOPPED;
            return;
        }
        Throwable cause = LaneHttp.unwrap(err);
        if (cause instanceof WebSocketHandshakeException h) {
            int status = h.getResponse().statusCode();
            recorder.responseReceived(index, status, LaneHttp.responseBytes(h.getResponse(), 0), 0);
            recorder.error(index, "handshake-" + status, "the gateway refused the WebSocket handshake with HTTP " + status);
            if (status == 401 || status == 403) {
                state = LaneState.FAILED; // a wrong or missing token does not get better by retrying
                return;
            }
        } else {
            recorder.error(index, LaneHttp.errorKind(cause), LaneHttp.describe(cause));
        }
        reconnectLater();
    }

    private void reconnectLater() {
        int a = ++attempt;
        long delay = lane.settings().backoff().delayMillis(a);
        state = LaneState.RECONNECTING;
        recorder.reconnecting(index, a, delay);
        if (!lane.schedule(this::connect, delay)) state = LaneState.STOPPED;
    }

    /** Sends one text frame after any still in flight (the JDK allows one outstanding send per WebSocket). */
    CompletableFuture<Void> send(String text) {
        WebSocket w = ws.get();
        if (w == null || state != LaneState.OPEN) {
            return CompletableFuture.failedFuture(new IllegalStateException("WebSocket user " + index + " is not connected"));
        }
        lastSentNanos = System.nanoTime();
        CompletableFuture<Void> result;
        synchronized (sendLock) {
            result = sendTail.handle((ok, failed) -> null).thenCompose(x -> {
                try {
                    return w.sendText(text, true);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }).thenApply(x -> null);
            sendTail = result;
        }
        recorder.requestSent(index, WireText.frameBytes(WireText.utf8Length(text), true));
        return result;
    }

    /** Starts a normal close (1000); the future completes when the server's close frame came back. */
    CompletableFuture<Void> close() {
        WebSocket w = ws.get();
        if (w == null) {
            state = LaneState.STOPPED;
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = closed;
        try {
            w.sendClose(WebSocket.NORMAL_CLOSURE, "lane stopped");
        } catch (RuntimeException alreadyClosing) {
            // abort() follows
        }
        return done;
    }

    /** Ends the connection at once, at stop. */
    void abort() {
        WebSocket w = ws.getAndSet(null);
        state = LaneState.STOPPED;
        if (w == null) return;
        w.abort();
        recorder.connectionClosed(index, 1006, "aborted at stop");
        closed.complete(null);
    }

    /** Cuts the connection as a network fault would; the user then reconnects like after any drop. */
    void abortForDrop() {
        WebSocket w = ws.get();
        if (w == null) return;
        w.abort();
        ended(w, 1006, "dropped");
    }

    /** Request line and the upgrade headers the JDK sends (Host, Upgrade, Connection, key, version, User-Agent): an estimate. */
    static long handshakeRequestBytes(URI uri) {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return ("GET " + target + " HTTP/1.1\r\n").length()
                + ("Host: " + host + "\r\n").length()
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n".length()
                + "Sec-WebSocket-Key: 0123456789012345678901==\r\n".length()
                + "Sec-WebSocket-Version: 13\r\n".length()
                + ("User-Agent: Java-http-client/" + System.getProperty("java.version") + "\r\n").length()
                + 2;
    }
}
