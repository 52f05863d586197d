package io.connlab.mock.edge;

/**
 * One listener's socket edge as the admin API reports it: where the network conditions and
 * the front door are applied, in the server's own I/O path (the WebSocket gateway's channels,
 * the HTTP server's pipeline).
 */
public interface SocketEdge {
    /** Connections open now. */
    int openConnections();

    /** Connections accepted since start, refused ones included. */
    long acceptedTotal();

    /** Connections the front door refused (401, 403, 429, a bad handshake). */
    long refusedTotal();

    /** Exact bytes read from clients, handshakes included. */
    long bytesFromClients();

    /** Exact bytes written to clients, handshakes included. */
    long bytesToClients();

    /** Forced drop: resets every connection, as a network failure would; returns how many. */
    int dropAll();
}
