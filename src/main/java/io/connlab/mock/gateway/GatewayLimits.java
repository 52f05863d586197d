package io.connlab.mock.gateway;

import java.time.Duration;

/**
 * The limits API Gateway's WebSocket API enforces, which the mock gateway emulates.
 * Durations are real-world ones; the gateway divides them by its {@link io.connlab.mock.TimeScale}.
 *
 * @param maxFrameBytes          largest single frame a client may send (else close 1009)
 * @param maxMessageBytes        largest (possibly fragmented) message a client may send (else close 1009)
 * @param idleTimeout            a connection with no traffic either way for this long is closed with 1001
 * @param maxConnectionDuration  a connection open this long is closed with 1001
 * @param newConnectionsPerSecond handshakes past this many in one second are refused with 429
 * @param managementPostMaxBytes largest body {@code POST @connections/{id}} accepts (else 413)
 * @param sendBacklogBytes       bytes waiting for one slow client past which messages to it are dropped
 *                               (and {@code @connections} answers {@code LimitExceededException})
 */
public record GatewayLimits(int maxFrameBytes, int maxMessageBytes, Duration idleTimeout, Duration maxConnectionDuration,
                            int newConnectionsPerSecond, int managementPostMaxBytes, int sendBacklogBytes) {

    public GatewayLimits {
        if (maxFrameBytes < 1 || maxMessageBytes < maxFrameBytes) {
            throw new IllegalArgumentException("need 1 <= maxFrameBytes <= maxMessageBytes, got "
                    + maxFrameBytes + " and " + maxMessageBytes);
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()
                || maxConnectionDuration == null || maxConnectionDuration.isNegative() || maxConnectionDuration.isZero()) {
            throw new IllegalArgumentException("idle timeout and max connection duration must be positive");
        }
        if (newConnectionsPerSecond < 1) throw new IllegalArgumentException("newConnectionsPerSecond must be >= 1");
        if (managementPostMaxBytes < 1) throw new IllegalArgumentException("managementPostMaxBytes must be >= 1");
        if (sendBacklogBytes < maxMessageBytes) throw new IllegalArgumentException("sendBacklogBytes must hold one whole message");
    }

    /**
     * API Gateway's quotas: 32 KB frames, 128 KB messages, 10 min idle, 2 h per connection, 500 connects/s.
     * Its client buffer size is not published; 256 KB (two whole messages) bounds each connection's memory.
     */
    public static GatewayLimits apiGateway() {
        return new GatewayLimits(32 * 1024, 128 * 1024, Duration.ofMinutes(10), Duration.ofHours(2), 500, 128 * 1024,
                256 * 1024);
    }

    public GatewayLimits withTimeouts(Duration idle, Duration maxDuration) {
        return new GatewayLimits(maxFrameBytes, maxMessageBytes, idle, maxDuration, newConnectionsPerSecond, managementPostMaxBytes, sendBacklogBytes);
    }

    public GatewayLimits withNewConnectionsPerSecond(int perSecond) {
        return new GatewayLimits(maxFrameBytes, maxMessageBytes, idleTimeout, maxConnectionDuration, perSecond, managementPostMaxBytes, sendBacklogBytes);
    }

    public GatewayLimits withSendBacklogBytes(int bytes) {
        return new GatewayLimits(maxFrameBytes, maxMessageBytes, idleTimeout, maxConnectionDuration, newConnectionsPerSecond,
                managementPostMaxBytes, bytes);
    }
}
