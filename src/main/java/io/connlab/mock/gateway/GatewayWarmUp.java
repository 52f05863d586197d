package io.connlab.mock.gateway;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.Framedata;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the gateway's per-message path (Java-WebSocket's decoding, {@link FrameCapDraft}'s checks,
 * route selection, the outgoing frame) on a connection with no socket, so the JIT has compiled it
 * before a class sends its first message.
 *
 * <p>Why: a broadcast runs that path once and the send loop once per connection. The send loop is
 * compiled within the first broadcast; the message path, run once per broadcast, stays in the
 * JVM's interpreter for the first few hundred messages: 0.46-0.56 ms from decoding to the first
 * write, against 0.14-0.21 ms warmed (1,000 connections: docs/PERFORMANCE.md). Used by
 * {@code serve}, not by the lab's own in-process mock, whose start must stay quick.
 */
public final class GatewayWarmUp {
    private static final byte[] HANDSHAKE = ("GET /dev HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private GatewayWarmUp() {
    }

    /**
     * Decodes and routes {@code messages} chat messages as the gateway would.
     *
     * @return how many of them were routed to a broadcast (all of them, unless the path broke)
     */
    public static int run(int messages) {
        GatewayLimits limits = GatewayLimits.apiGateway();
        Sink sink = new Sink();
        WebSocketImpl ws = new WebSocketImpl(sink, List.of(new FrameCapDraft(limits.maxFrameBytes(), limits.maxMessageBytes())));
        ws.decode(ByteBuffer.wrap(HANDSHAKE));
        for (int i = 0; i < messages; i++) {
            ws.decode(maskedTextFrame("{\"action\":\"sendmessage\",\"data\":\"warm-up " + i + "\"}", i));
            ws.outQueue.clear(); // nothing is ever written: only the handshake's answer lands here
        }
        return sink.broadcasts;
    }

    /** A client's frame: masked, as RFC 6455 requires of clients (FrameCapDraft refuses others). */
    private static ByteBuffer maskedTextFrame(String text, int seed) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {(byte) seed, (byte) (seed >> 8), 0x5A, (byte) 0xA5};
        ByteBuffer frame = ByteBuffer.allocate(2 + 4 + payload.length); // payloads here stay under 126 bytes
        frame.put((byte) 0x81).put((byte) (0x80 | payload.length)).put(mask);
        for (int i = 0; i < payload.length; i++) frame.put((byte) (payload[i] ^ mask[i % 4]));
        return frame.flip();
    }

    /** Routes each message as the gateway does and encodes what a broadcast would send. */
    private static final class Sink extends WebSocketAdapter {
        int broadcasts;

        @Override
        public void onWebsocketMessage(WebSocket conn, String message) {
            if (ChatRoutes.route(message) instanceof ChatRoutes.Broadcast b && Outbox.textFrame(b.data()).hasRemaining()) {
                broadcasts++;
            }
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
        }

        @Override
        public void onWebsocketOpen(WebSocket conn, org.java_websocket.handshake.Handshakedata d) {
        }

        @Override
        public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) {
        }

        @Override
        public void onWebsocketError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
        }

        @Override
        public void onWriteDemand(WebSocket conn) {
        }

        @Override
        public InetSocketAddress getLocalSocketAddress(WebSocket conn) {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
            return null;
        }
    }
}
