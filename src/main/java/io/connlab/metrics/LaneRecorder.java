package io.connlab.metrics;

/**
 * Where a lane reports what happens on the wire. Called from network threads, often
 * concurrently, so implementations must be cheap and never block (no locks held across
 * I/O, no FX calls). A view or {@code bench} reads the figures later, never per event.
 *
 * <p>{@code client} is the lane's client index, 0..clients-1. Times are microseconds on
 * the wall clock shared by publisher and lanes ({@link Clock#nowMicros()}).
 */
public interface LaneRecorder {

    /** A connection (WebSocket, or an HTTP keep-alive connection when visible) opened. */
    void connectionOpened(int client);

    /** A connection closed: WebSocket close code (1000, 1001, 1006, 1009, ...) or -1 when unknown. */
    void connectionClosed(int client, int code, String reason);

    /** The lane waits {@code delayMillis} before reconnect attempt number {@code attempt} (1-based). */
    void reconnecting(int client, int attempt, long delayMillis);

    /** A request (poll, invoke, or WebSocket frame sent) left with this many bytes on the wire. */
    void requestSent(int client, long bytes);

    /** A response arrived: HTTP status (or 0 for a WebSocket frame), its bytes, how many messages it held. */
    void responseReceived(int client, int status, long bytes, int messages);

    /** One of our run's messages reached {@code client}. Duplicates are detected by the recorder. */
    void delivered(int client, long seq, long sentAtMicros, long receivedAtMicros);

    /** Text that is not this run's (another chat user, another run): counted, otherwise ignored. */
    void foreign(int client, long bytes);

    /** The server said messages were lost (a poll cursor fell out of the window), {@code missed} if known, else -1. */
    void gap(int client, long missed);

    /** A failure, by kind ("connect", "timeout", "http-504", "db-too-many-clients", ...), with a human detail. */
    void error(int client, String kind, String detail);

    /** One function invocation's result (pool lanes only). */
    void invocation(int client, Invocation result);

    /** A pool lane's cap refused a call: every caller was busy, so this message was not processed. */
    default void throttled() {
    }

    /**
     * Says, once, that the byte figures this lane reports are estimates and how they are made
     * (for example "WebSocket frame = payload + header size"), so tables can mark them.
     * Lanes whose bytes are measured at the socket do not call it.
     */
    default void bytesEstimated(String how) {
    }

    /**
     * What the function endpoint answered for one invocation.
     *
     * @param error null on success, else the error text; {@code errorKind} a short stable name for it
     */
    record Invocation(String container, boolean coldStart, double initMs, double connectMs, double queryMs,
                      double totalMs, double roundTripMs, int dbConnections, int dbMaxConnections,
                      String errorKind, String error) {
        public boolean failed() {
            return error != null;
        }
    }
}
