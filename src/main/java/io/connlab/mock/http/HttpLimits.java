package io.connlab.mock.http;

import java.time.Duration;

/**
 * What one HTTP connection may cost the mock, in time and memory. A client slower than these
 * is answered 408 and closed; no thread ever waits on it (the server reads asynchronously,
 * and a handler sees a request only once it has arrived whole).
 *
 * @param headTimeout     from the first byte of a request to the end of its head
 * @param bodyTimeout     from the end of the head to the last byte of the body
 * @param idleTimeout     a kept-alive connection with no request for this long is closed (longer than
 *                        clients keep idle connections, so a client never reuses one as it closes)
 * @param maxHeadBytes    the request line and the headers together (else 414 or 431)
 * @param maxQueuedBytes  bytes of pipelined requests read ahead while one is being answered; past it the
 *                        connection stops reading until the answer is out
 */
public record HttpLimits(Duration headTimeout, Duration bodyTimeout, Duration idleTimeout, int maxHeadBytes,
                         int maxQueuedBytes) {

    public HttpLimits {
        if (headTimeout.isNegative() || headTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive");
        }
        if (maxHeadBytes < 1024 || maxQueuedBytes < 1024) throw new IllegalArgumentException("HTTP sizes must be >= 1 KB");
    }

    /** 10 s for a head, 60 s for a body, 5 min idle, 16 KB of head, 64 KB read ahead. */
    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5), 16 * 1024, 64 * 1024);
    }

    public HttpLimits withTimeouts(Duration head, Duration body, Duration idle) {
        return new HttpLimits(head, body, idle, maxHeadBytes, maxQueuedBytes);
    }
}
