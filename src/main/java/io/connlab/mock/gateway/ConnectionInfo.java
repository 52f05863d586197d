package io.connlab.mock.gateway;

import java.time.Instant;

/**
 * What the gateway knows about one open connection: what {@code GET @connections/{id}} answers
 * and what the backend panel lists.
 *
 * @param userAgent the handshake's User-Agent, or null when the client sent none
 */
public record ConnectionInfo(String id, Instant connectedAt, Instant lastActiveAt, String sourceIp, String userAgent) {
}
