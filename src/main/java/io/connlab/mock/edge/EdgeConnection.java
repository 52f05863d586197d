package io.connlab.mock.edge;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One admitted connection through an {@link EdgeListener}, as seen at the moment of the
 * snapshot: who, since when, and the exact bytes received from and sent to the client.
 */
public record EdgeConnection(InetSocketAddress client, Instant openedAt, long bytesIn, long bytesOut) {
}
