package io.connlab.metrics;

/**
 * A {@link LaneRecorder} that forwards every call to another recorder and, for client 0
 * only, also appends what it means on the wire to a {@link WireTrace} for the sequence strip.
 * The lane does not change: wrap its recorder with this one.
 */
public final class TracingRecorder implements LaneRecorder {

    /** How a lane's requests and answers look on the wire. */
    public enum Shape {
        /** WebSocket: frames up, server pushes down (a response with status 0 is a push). */
        PUSH,
        /** Long poll: each request is held at the server until data or its wait runs out. */
        HOLD,
        /** Short poll: ask, get an answer at once, often empty. */
        ASK,
        /** Function invocations: ask, the function answers when its query is done. */
        INVOKE
    }

    /** The client whose traffic is traced: one line of arrows per lane is what a reader can follow. */
    public static final int TRACED_CLIENT = 0;

    private final LaneRecorder delegate;
    private final WireTrace trace;
    private final Shape shape;

    public TracingRecorder(LaneRecorder delegate, WireTrace trace, Shape shape) {
        if (delegate == null || trace == null || shape == null) {
            throw new IllegalArgumentException("delegate, trace and shape are required");
        }
        this.delegate = delegate;
        this.trace = trace;
        this.shape = shape;
    }

    public WireTrace trace() {
        return trace;
    }

    private void note(int client, WireEvent.Kind kind, String label) {
        if (client == TRACED_CLIENT) trace.append(kind, Clock.nowMicros(), label);
    }

    @Override
    public void connectionOpened(int client) {
        delegate.connectionOpened(client);
        note(client, WireEvent.Kind.CONNECT, null);
    }

    @Override
    public void connectionClosed(int client, int code, String reason) {
        delegate.connectionClosed(client, code, reason);
        String label = code < 0 ? "closed" : String.valueOf(code);
        note(client, code == 1000 ? WireEvent.Kind.CLOSE : WireEvent.Kind.DROP, label);
    }

    @Override
    public void reconnecting(int client, int attempt, long delayMillis) {
        delegate.reconnecting(client, attempt, delayMillis);
    }

    @Override
    public void requestSent(int client, long bytes) {
        delegate.requestSent(client, bytes);
        note(client, shape == Shape.HOLD ? WireEvent.Kind.HOLD_START : WireEvent.Kind.REQUEST, null);
    }

    @Override
    public void responseReceived(int client, int status, long bytes, int messages) {
        delegate.responseReceived(client, status, bytes, messages);
        if (client != TRACED_CLIENT) return;
        String label = status >= 400 ? String.valueOf(status) : messages > 0 ? messages + (messages == 1 ? " msg" : " msgs") : "empty";
        WireEvent.Kind kind;
        if (shape == Shape.HOLD) {
            kind = WireEvent.Kind.HOLD_END;
        } else if (status >= 400) {
            kind = WireEvent.Kind.ERROR;
        } else if (shape == Shape.PUSH && status == 0) {
            kind = WireEvent.Kind.PUSH;
            label = null;
        } else if (shape == Shape.INVOKE) {
            kind = WireEvent.Kind.RESPONSE;
            label = null;
        } else {
            kind = WireEvent.Kind.RESPONSE;
        }
        note(client, kind, label);
    }

    @Override
    public void delivered(int client, long seq, long sentAtMicros, long receivedAtMicros) {
        delegate.delivered(client, seq, sentAtMicros, receivedAtMicros);
    }

    @Override
    public void foreign(int client, long bytes) {
        delegate.foreign(client, bytes);
    }

    @Override
    public void gap(int client, long missed) {
        delegate.gap(client, missed);
        note(client, WireEvent.Kind.DROP, missed < 0 ? "lost" : missed + " lost");
    }

    @Override
    public void error(int client, String kind, String detail) {
        delegate.error(client, kind, detail);
        note(client, WireEvent.Kind.ERROR, kind);
    }

    @Override
    public void invocation(int client, Invocation result) {
        delegate.invocation(client, result);
        if (result != null && result.failed()) note(client, WireEvent.Kind.ERROR, result.errorKind());
    }

    @Override
    public void throttled() {
        delegate.throttled();
    }
}
