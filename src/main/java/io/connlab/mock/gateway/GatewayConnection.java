package io.connlab.mock.gateway;

import org.java_websocket.WebSocketImpl;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/** One open WebSocket as the gateway sees it: its id, identity, activity clock and send backlog. */
final class GatewayConnection {
    final String id;
    /** 1 for the gateway's first connection, then 2, 3...: the order connections opened in. */
    final long openOrder;
    final WebSocketImpl socket;
    /** The room its handshake named ({@code ?room=}), for life: its messages go there, it gets that room's. */
    final String room;
    final Instant connectedAt;
    final long connectedNanos;
    final String sourceIp;
    final String userAgent;
    /** Bytes of the frames the gateway queued for this client. */
    final LongAdder queued = new LongAdder();
    /** Messages dropped because this client's backlog was full. */
    final LongAdder dropped = new LongAdder();
    /** When this client's last message is through the added delay (touched by its decoding thread only). */
    long inboundDueNanos;
    private volatile long lastActiveNanos;
    private volatile Instant lastActiveAt;

    GatewayConnection(String id, long openOrder, WebSocketImpl socket, String room, String sourceIp, String userAgent) {
        this.id = id;
        this.openOrder = openOrder;
        this.socket = socket;
        this.room = room;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.connectedAt = Instant.now();
        this.connectedNanos = System.nanoTime();
        this.lastActiveNanos = connectedNanos;
        this.inboundDueNanos = connectedNanos;
        this.lastActiveAt = connectedAt;
    }

    /**
     * Bytes queued for this client and not yet on its socket. Slightly low: the handshake answer
     * and control frames count as written but not as queued.
     */
    long backlog() {
        long written = socket.getChannel() instanceof ShapedChannel c ? c.bytesOut() : 0;
        return Math.max(0, queued.sum() - written);
    }

    /** The client sent something (a message or a ping): its {@code lastActiveAt} and the idle clock. */
    void touch() {
        lastActiveNanos = System.nanoTime();
        lastActiveAt = Instant.now();
    }

    /**
     * A message was pushed to the client: traffic for the idle clock, which counts either direction
     * (FACTS.md, fact 82), but not the client's own activity that {@code GetConnection}'s
     * {@code lastActiveAt} reports.
     */
    void pushed() {
        lastActiveNanos = System.nanoTime();
    }

    long lastActiveNanos() {
        return lastActiveNanos;
    }

    ConnectionInfo info() {
        return new ConnectionInfo(id, connectedAt, lastActiveAt, sourceIp, userAgent);
    }
}
