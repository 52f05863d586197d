package io.connlab.mock.gateway;

import org.java_websocket.WebSocket;

import java.time.Instant;

/** One open WebSocket as the gateway sees it: its id, identity and activity clock. */
final class GatewayConnection {
    final String id;
    final WebSocket socket;
    final Instant connectedAt;
    final long connectedNanos;
    final String sourceIp;
    final String userAgent;
    private volatile long lastActiveNanos;
    private volatile Instant lastActiveAt;

    GatewayConnection(String id, WebSocket socket, String sourceIp, String userAgent) {
        this.id = id;
        this.socket = socket;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.connectedAt = Instant.now();
        this.connectedNanos = System.nanoTime();
        this.lastActiveNanos = connectedNanos;
        this.lastActiveAt = connectedAt;
    }

    /** Client traffic (a message or a ping) resets the idle clock, as on API Gateway. */
    void touch() {
        lastActiveNanos = System.nanoTime();
        lastActiveAt = Instant.now();
    }

    long lastActiveNanos() {
        return lastActiveNanos;
    }

    ConnectionInfo info() {
        return new ConnectionInfo(id, connectedAt, lastActiveAt, sourceIp, userAgent);
    }
}
