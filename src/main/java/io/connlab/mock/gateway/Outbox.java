package io.connlab.mock.gateway;

import org.java_websocket.WebSocketImpl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * Puts text frames on connections' send queues, each frame encoded once however many receive
 * it, and keeps every connection under its send backlog: a message for a client whose backlog
 * is full is dropped and counted (API Gateway's {@code @connections} answers
 * {@code LimitExceededException} then), so a client that never reads costs bounded memory.
 */
final class Outbox {
    /** What became of one message for one connection. */
    enum Sent { SENT, BACKLOG_FULL, GONE }

    private final long backlogBytes;
    private final LongAdder dropped = new LongAdder();

    Outbox(long backlogBytes) {
        this.backlogBytes = backlogBytes;
    }

    /** Messages dropped because their client's send backlog was full. */
    long dropped() {
        return dropped.sum();
    }

    Sent send(GatewayConnection c, ByteBuffer frame) {
        WebSocketImpl ws = c.socket;
        if (!ws.isOpen()) return Sent.GONE;
        if (c.backlog() + frame.remaining() > backlogBytes) {
            c.dropped.increment();
            dropped.increment();
            return Sent.BACKLOG_FULL;
        }
        c.queued.add(frame.remaining());
        c.pushed(); // a push is traffic too: the idle clock counts either direction (FACTS.md, fact 82)
        if (ws.getChannel() instanceof ShapedChannel channel && channel.sendNow(frame.duplicate(), ws.outQueue)) {
            return Sent.SENT;
        }
        ws.outQueue.add(frame.duplicate()); // one single-frame message: nothing to interleave with
        ws.getWebSocketListener().onWriteDemand(ws);
        return Sent.SENT;
    }

    /** An unmasked, unfragmented text frame, as a server sends it (RFC 6455 5.2). */
    static ByteBuffer textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int n = payload.length;
        int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + n);
        frame.put((byte) 0x81);
        if (n <= 125) {
            frame.put((byte) n);
        } else if (n <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) n);
        } else {
            frame.put((byte) 127).putLong(n);
        }
        return frame.put(payload).flip();
    }
}
