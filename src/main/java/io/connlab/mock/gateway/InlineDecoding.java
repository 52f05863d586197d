package io.connlab.mock.gateway;

import org.java_websocket.server.WebSocketServer;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;

/**
 * Gives a read buffer back to Java-WebSocket's pool once the selector thread has decoded it
 * itself. The server hands every read to a worker thread, which decodes it and returns the
 * buffer to a private pool; decoding on the selector instead (as a Node server decodes on its
 * one loop) saves a thread wake-up per message, which under load is most of the tail. The pool
 * is private, hence the reflection (Java-WebSocket is an unnamed or automatic module: open).
 */
final class InlineDecoding {
    private final BlockingQueue<ByteBuffer> pool;

    @SuppressWarnings("unchecked")
    InlineDecoding(WebSocketServer server) {
        try {
            Field f = WebSocketServer.class.getDeclaredField("buffers");
            f.setAccessible(true);
            this.pool = (BlockingQueue<ByteBuffer>) f.get(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Java-WebSocket's read-buffer pool is not where 1.6.0 keeps it", e);
        }
    }

    /** Returns a buffer the selector took from the pool (the pool never holds more than it had). */
    void recycle(ByteBuffer buffer) {
        pool.offer(buffer);
    }
}
