package io.connlab.mock.gateway;

import org.java_websocket.WebSocketImpl;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds one connection's bytes to Java-WebSocket's decoder in the order they came, on whichever
 * thread brought them (the selector, or the network timer for delayed bytes), one thread at a
 * time. Decoding where the bytes are read spares the hop to Java-WebSocket's worker threads,
 * as a Node server decodes on its one loop. No lock is held while decoding: a message may
 * broadcast to every connection, this one included.
 */
final class SerialDecoder {
    private final WebSocketImpl ws;
    private final ConcurrentLinkedQueue<ByteBuffer> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean busy = new AtomicBoolean();

    SerialDecoder(WebSocketImpl ws) {
        this.ws = ws;
    }

    /** Queues bytes; call in arrival order (the channel does, under its lock). */
    void add(ByteBuffer bytes) {
        waiting.add(bytes);
    }

    /** Decodes what is waiting, unless another thread is at it (it then decodes these too). */
    void drain() {
        while (!waiting.isEmpty() && busy.compareAndSet(false, true)) {
            try {
                for (ByteBuffer b = waiting.poll(); b != null; b = waiting.poll()) ws.decode(b);
            } finally {
                busy.set(false);
            }
        }
    }
}
