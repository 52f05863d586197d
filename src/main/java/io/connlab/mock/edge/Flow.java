package io.connlab.mock.edge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One direction of a proxied connection (client to backend, or back): the bytes read from the
 * source and not yet written to the destination, each chunk with the time it falls due.
 * Chunks leave in order and never before their due time; the source is read only while less
 * than {@link #LIMIT} bytes wait, so a slow destination slows the source instead of filling
 * memory. Selector thread only.
 */
final class Flow extends Timed {
    /** Bytes buffered per direction before reading from the source pauses. */
    static final int LIMIT = 1 << 20;
    private static final int MIN_CHUNK = 2048;
    private static final long MERGE_WINDOW_NANOS = 1_000_000;

    private final EdgeSession session;
    private final boolean upstream;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private int queuedBytes;
    private long lastDue;

    /** The source sent EOF; once the queue is empty and {@link #eofDue} passed, shut the destination's output. */
    boolean eof;
    private long eofDue;
    /** The destination's output has been shut down (or there is none): this direction is done. */
    boolean outputShut;
    /** A write did not complete: wait for OP_WRITE on the destination. */
    boolean writeBlocked;
    /** Read and drop what the source sends (a refused client's request). */
    boolean discard;

    private static final class Chunk {
        final ByteBuffer buf;
        long due;

        Chunk(int capacity, long due) {
            this.buf = ByteBuffer.allocate(capacity);
            this.due = due;
        }
    }

    Flow(EdgeSession session, boolean upstream) {
        this.session = session;
        this.upstream = upstream;
    }

    boolean wantsRead() {
        return !eof && queuedBytes < LIMIT;
    }

    /**
     * Reads what the source has into the shared buffer and passes it on.
     *
     * @return false when the source sent EOF
     */
    boolean readFrom(SocketChannel source, ByteBuffer buf, long now) throws IOException {
        for (int round = 0; round < 8 && wantsRead() && !session.isClosed(); round++) {
            buf.clear();
            int n = source.read(buf);
            if (n < 0) {
                onEof(now);
                return false;
            }
            if (n == 0) return true;
            session.countRead(upstream, n);
            buf.flip();
            if (!discard) deliver(buf, now);
            if (n < buf.capacity()) return true;   // drained what the socket had
        }
        return true;
    }

    /** Queues (or at once writes) the bytes remaining in {@code src}. */
    void deliver(ByteBuffer src, long now) throws IOException {
        deliver(src, now, 0);
    }

    /**
     * Like {@link #deliver(ByteBuffer, long)} with {@code extraDelay} on top of this direction's
     * delay: a refusal answers a request that first had to travel the other way.
     */
    void deliver(ByteBuffer src, long now, long extraDelay) throws IOException {
        NetworkConditions conditions = session.conditions();
        boolean ideal = conditions.isIdeal();
        SocketChannel dest = session.destination(upstream);
        if (ideal && queue.isEmpty() && dest != null && !writeBlocked) {
            // fast path: no delay, nothing waiting, so write straight from the shared buffer
            session.countWritten(upstream, dest.write(src));
            if (!src.hasRemaining()) return;
            writeBlocked = true;
        }
        long due = ideal ? lastDue : Math.max(now + extraDelay + conditions.oneWayDelayNanos(), lastDue);
        lastDue = due;
        append(src, due);
        if (!writeBlocked && dest != null) flush(now);
    }

    private void append(ByteBuffer src, long due) {
        int n = src.remaining();
        Chunk tail = queue.peekLast();
        // merge into a not-yet-started tail due at about the same time: fewer chunks, never earlier
        if (tail != null && tail.buf.position() == 0 && due <= tail.due + MERGE_WINDOW_NANOS
                && tail.buf.capacity() - tail.buf.limit() >= n) {
            int at = tail.buf.limit();
            tail.buf.limit(at + n);
            src.get(tail.buf.array(), at, n);
            tail.due = Math.max(tail.due, due);
        } else {
            Chunk c = new Chunk(Math.max(n, MIN_CHUNK), due);
            c.buf.put(src).flip();
            queue.addLast(c);
        }
        queuedBytes += n;
    }

    /** The source sent EOF: pass it on after the data already queued, delayed like data. */
    void onEof(long now) throws IOException {
        if (eof) return;
        eof = true;
        NetworkConditions conditions = session.conditions();
        eofDue = conditions.isIdeal() ? lastDue : Math.max(now + conditions.oneWayDelayNanos(), lastDue);
        if (!writeBlocked && session.destination(upstream) != null) flush(now);
    }

    /** Writes every chunk that is due; schedules the next one or waits for OP_WRITE. */
    void flush(long now) throws IOException {
        SocketChannel dest = session.destination(upstream);
        if (dest == null || outputShut) return;
        writeBlocked = false;
        Chunk c;
        while ((c = queue.peekFirst()) != null) {
            if (c.due > now) {
                session.schedule(this, c.due);
                return;
            }
            int before = c.buf.remaining();
            session.countWritten(upstream, dest.write(c.buf));
            queuedBytes -= before - c.buf.remaining();
            if (c.buf.hasRemaining()) {
                writeBlocked = true;
                return;
            }
            queue.pollFirst();
        }
        if (eof) {
            if (eofDue > now) {
                session.schedule(this, eofDue);
                return;
            }
            outputShut = true;
            try {
                dest.shutdownOutput();
            } catch (IOException alreadyGone) {
                // the peer is gone already; the other direction will notice
            }
            session.directionDone();
        }
    }

    /** Nothing more goes out this way (no destination, e.g. a refused client's requests). */
    void markDone() {
        outputShut = true;
    }

    void clear() {
        queue.clear();
        queuedBytes = 0;
    }

    @Override
    void onTime(long now) {
        session.flushLater(this, now);
    }
}
