package io.connlab.mock.http;

import java.net.InetSocketAddress;
import java.time.Instant;

/** One open HTTP connection at the moment of the snapshot: who, since when, the exact bytes from and to the client. */
public record ClientConnection(InetSocketAddress client, Instant openedAt, long bytesIn, long bytesOut) {
}
