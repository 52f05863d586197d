package io.connlab.mock.gateway;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The server as each connection sees it, except that whatever Java-WebSocket writes (the
 * handshake's answer, pongs, close frames) goes straight into the {@link ShapedChannel}, from
 * the thread that writes it, instead of through the selector's {@code OP_WRITE}.
 *
 * <p>Why: Java-WebSocket's selector loop takes a key out of its selected-key set only after an
 * accept or a read. A key selected because it was writable stays there for good, and the JDK
 * keeps its old ready operations, so every later wake-up of the selector calls the write path
 * of every connection that ever waited to write; each handshake's answer did. With 1,000
 * connections every message waited about 0.2 ms before it was even read. So no key of the
 * gateway asks for {@code OP_WRITE} at all: the channel takes every byte (what a full socket
 * will not take waits in the channel for its network timer), and this listener does what
 * Java-WebSocket's write path did after a flush: closes the connection once the flush before
 * a close is done. As Java-WebSocket never writes itself, only one path touches its queue.
 */
final class DirectWrites implements WebSocketListener {
    private final WebSocketListener server;
    private final GatewayChannels channels;

    DirectWrites(WebSocketListener server, GatewayChannels channels) {
        this.server = server;
        this.channels = channels;
    }

    @Override
    public void onWriteDemand(WebSocket conn) {
        WebSocketImpl ws = (WebSocketImpl) conn;
        if (!(ws.getChannel() instanceof ShapedChannel channel)) {
            server.onWriteDemand(conn); // not one of ours: Java-WebSocket's own way
            return;
        }
        // On the network timer: the caller may hold the connection's lock mid-close, and a close
        // must come after the caller's close bookkeeping, as it did on the selector.
        if (channel.drain(ws.outQueue) == ShapedChannel.Drained.FAILED) {
            channels.after(0, () -> GatewayChannels.drop(ws, "write failed"));
        } else if (ws.isFlushAndClose()) {
            channels.after(0, ws::closeConnection);
        }
    }

    // Everything else is the server's.

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request) throws InvalidDataException {
        return server.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onWebsocketHandshakeReceivedAsClient(WebSocket conn, ClientHandshake request,
                                                     ServerHandshake response) throws InvalidDataException {
        server.onWebsocketHandshakeReceivedAsClient(conn, request, response);
    }

    @Override
    public void onWebsocketHandshakeSentAsClient(WebSocket conn, ClientHandshake request) throws InvalidDataException {
        server.onWebsocketHandshakeSentAsClient(conn, request);
    }

    @Override
    public void onWebsocketMessage(WebSocket conn, String message) {
        server.onWebsocketMessage(conn, message);
    }

    @Override
    public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
        server.onWebsocketMessage(conn, blob);
    }

    @Override
    public void onWebsocketOpen(WebSocket conn, Handshakedata d) {
        server.onWebsocketOpen(conn, d);
    }

    @Override
    public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) {
        server.onWebsocketClose(ws, code, reason, remote);
    }

    @Override
    public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) {
        server.onWebsocketClosing(ws, code, reason, remote);
    }

    @Override
    public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) {
        server.onWebsocketCloseInitiated(ws, code, reason);
    }

    @Override
    public void onWebsocketError(WebSocket conn, Exception ex) {
        server.onWebsocketError(conn, ex);
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        server.onWebsocketPing(conn, f);
    }

    @Override
    public PingFrame onPreparePing(WebSocket conn) {
        return server.onPreparePing(conn);
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        server.onWebsocketPong(conn, f);
    }

    @Override
    public InetSocketAddress getLocalSocketAddress(WebSocket conn) {
        return server.getLocalSocketAddress(conn);
    }

    @Override
    public InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
        return server.getRemoteSocketAddress(conn);
    }
}
