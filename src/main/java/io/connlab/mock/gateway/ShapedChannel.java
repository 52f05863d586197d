package io.connlab.mock.gateway;

import io.connlab.mock.edge.NetworkConditions;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * One accepted WebSocket socket as Java-WebSocket sees it, through the hook its TLS uses
 * ({@code WebSocketServerFactory.wrapChannel}): the socket edge without a relay. It counts every
 * byte, lets the {@link HandshakeGate} refuse a handshake before Java-WebSocket acts on it, delays
 * what goes to the client by the {@link NetworkConditions} (the first answer, the handshake's,
 * by a whole round trip), and closes gently (half-close, then linger) so a client still sending
 * reads the close frame rather than a reset.
 *
 * <p>With no delay and nothing pending, writes go straight to the socket; delayed bytes wait in
 * a queue the network timer writes when due. The queue is guarded by this object's lock; the
 * selector, the timer and any thread that sends call in.
 */
final class ShapedChannel implements WrappedByteChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ShapedChannel.class);
    /** How soon a write into a full socket is tried again. */
    private static final long RETRY_MILLIS = 10;
    private final SocketChannel socket;
    private final SelectionKey key;
    private final GatewayChannels owner;
    private final NetworkConditions network;
    private HandshakeGate gate;
    private final ArrayDeque<Chunk> outbound = new ArrayDeque<>(0);
    private long lastOutDue;
    private boolean refused;
    private boolean closing;
    private boolean retryArmed;
    private boolean answered;
    private volatile boolean finished;
    private volatile long bytesIn;
    private volatile long bytesOut;

    /** Bytes on their way, due at a time. */
    private record Chunk(ByteBuffer bytes, long due) {
    }

    ShapedChannel(SocketChannel socket, SelectionKey key, GatewayChannels owner, NetworkConditions network,
                  HandshakeGate gate) {
        this.socket = socket;
        this.key = key;
        this.owner = owner;
        this.network = network;
        this.gate = gate;
    }

    /** The Java-WebSocket connection this channel carries. */
    org.java_websocket.WebSocketImpl webSocket() {
        return (org.java_websocket.WebSocketImpl) key.attachment();
    }

    long bytesIn() {
        return bytesIn;
    }

    long bytesOut() {
        return bytesOut;
    }

    boolean finished() {
        return finished;
    }

    /**
     * Called by Java-WebSocket's selector when the socket is readable; what it reads, Java-WebSocket
     * decodes. It must always get the bytes back: a read that takes bytes and answers 0 leaves
     * the key in the selector's ready set, and Java-WebSocket's loop would spin on it. So the
     * inbound half of the delay is applied after decoding ({@link GatewayChannels#afterInboundDelay}).
     */
    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (refused || finished) return -1;
        int start = dst.position();
        int n = socket.read(dst);
        if (n <= 0) return n;
        counted(n, true);
        if (gate != null) {
            ByteBuffer fresh = dst.duplicate().flip().position(start);
            HandshakeGate.Outcome outcome;
            try {
                outcome = gate.offer(fresh);
            } catch (RuntimeException e) {
                // a parsing bug must cost this connection, never Java-WebSocket's selector (it stops the server)
                LOG.warn("front door failed on a request head; refused with 400", e);
                outcome = new HandshakeGate.Outcome(true, FrontDoor.refuse(400, "Bad Request", "BadRequestException"));
            }
            if (outcome.refusal() != null) {
                gate = null;
                refused = true;
                owner.countRefused();
                send(ByteBuffer.wrap(outcome.refusal()));
                return -1; // Java-WebSocket never saw a whole head: it closes, we answer
            }
            if (outcome.decided()) gate = null;
        }
        return n;
    }

    /**
     * The handshake deadline has passed ({@link GatewayChannels#HANDSHAKE_DEADLINE_NANOS}): a connection
     * whose head is still unfinished (nothing, part of one, a trickle) is answered 408 and closed.
     * Called on the network timer, holding no lock: Java-WebSocket's close takes its lock, then ours.
     */
    void handshakeDeadlinePassed() {
        synchronized (this) {
            if (gate == null || refused || closing || finished) return; // decided, or already going
            gate = null;
            refused = true;
            owner.countRefused();
            try {
                send(ByteBuffer.wrap(FrontDoor.refuse(408, "Request Timeout: the handshake did not arrive in time",
                        "RequestTimeoutException")));
            } catch (IOException e) {
                abort();
            }
        }
        webSocket().closeConnection(CloseFrame.NEVER_CONNECTED, "handshake timed out");
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        if (finished) throw new java.nio.channels.ClosedChannelException();
        int n = src.remaining();
        if (outbound.isEmpty() && network.isIdeal()) {
            answered = true;
            counted(socket.write(src), false);
            if (!src.hasRemaining()) return n;
            // The socket is full: keep the rest here, so Java-WebSocket's queue is always empty and
            // its close always completes (a close frame stuck there left a connection CLOSING forever).
            outbound.add(new Chunk(ByteBuffer.allocate(src.remaining()).put(src).flip(), System.nanoTime()));
            flushDue();
            return n;
        }
        send(ByteBuffer.allocate(n).put(src).flip());
        return n;
    }

    /**
     * Sends a whole frame from the caller's thread, sparing the hop to Java-WebSocket's selector:
     * written at once when nothing is queued before it, else after what is. Declines (false) when
     * Java-WebSocket's own queue holds bytes that must go first, or the socket failed.
     */
    synchronized boolean sendNow(ByteBuffer frame, Collection<ByteBuffer> javaWebSocketQueue) {
        if (closing || finished || !javaWebSocketQueue.isEmpty()) return false;
        try {
            if (!outbound.isEmpty() || !network.isIdeal()) {
                send(frame);
                return true;
            }
            counted(socket.write(frame), false);
            if (frame.hasRemaining()) {
                outbound.add(new Chunk(frame, System.nanoTime()));
                flushDue(); // the socket is full: arms OP_WRITE and a retry
            }
            return true;
        } catch (IOException e) {
            return false; // Java-WebSocket's own write path meets the failure and closes
        }
    }

    /** What became of Java-WebSocket's queued bytes in {@link #drain}. */
    enum Drained { WRITTEN, CLOSED, FAILED }

    /**
     * Takes everything in Java-WebSocket's send queue, in order, as {@link #write} would get it
     * from its selector (see {@link DirectWrites}). Once closing, the bytes are dropped, as
     * Java-WebSocket drops them for a cancelled key; after a socket failure too.
     */
    synchronized Drained drain(Queue<ByteBuffer> javaWebSocketQueue) {
        if (closing || finished) {
            javaWebSocketQueue.clear();
            return Drained.CLOSED;
        }
        try {
            for (ByteBuffer b; (b = javaWebSocketQueue.peek()) != null; javaWebSocketQueue.poll()) {
                write(b);
            }
            return Drained.WRITTEN;
        } catch (IOException e) {
            javaWebSocketQueue.clear();
            return Drained.FAILED;
        }
    }

    /** Queues bytes for the client, due after one way of the network's delay. */
    private void send(ByteBuffer bytes) throws IOException {
        long delay = network.oneWayDelayNanos();
        if (!answered) delay += network.oneWayDelayNanos(); // the handshake's request came in undelayed
        answered = true;
        long due = lastOutDue = Math.max(lastOutDue, System.nanoTime() + delay);
        outbound.add(new Chunk(bytes, due));
        flushDue();
        if (!outbound.isEmpty()) owner.at(due, this::flushOnTimer);
    }

    private void retryOnTimer() {
        synchronized (this) {
            retryArmed = false;
        }
        flushOnTimer();
    }

    /**
     * Not under this object's lock when it fails: a socket that fails here must be reported to
     * Java-WebSocket ({@link GatewayChannels#drop}), or the gateway keeps listing a connection with no
     * socket behind it (closing it alone cancelled the selector's key, so nothing else would report it);
     * and Java-WebSocket's close takes its own lock, then ours.
     */
    private void flushOnTimer() {
        try {
            synchronized (this) {
                flushDue();
            }
        } catch (IOException e) {
            GatewayChannels.drop(webSocket(), "write failed: " + e.getMessage());
        }
    }

    /**
     * Writes what is due; when the socket is full, retries on the network timer. Not through the
     * selector's {@code OP_WRITE}: Java-WebSocket's loop never takes a key it selected for writing
     * out of its selected set (see {@link DirectWrites}).
     */
    private void flushDue() throws IOException {
        if (finished) return;
        long now = System.nanoTime();
        while (!outbound.isEmpty() && outbound.peek().due - now <= 0) {
            ByteBuffer head = outbound.peek().bytes;
            counted(socket.write(head), false);
            if (head.hasRemaining()) {
                if (!retryArmed) { // one retry at a time
                    retryArmed = true;
                    owner.after(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS), this::retryOnTimer);
                }
                return;
            }
            outbound.poll();
        }
        if (outbound.isEmpty() && closing) endGently();
    }

    // Asked only by Java-WebSocket's own write path, which never runs for the gateway (DirectWrites).
    @Override
    public synchronized boolean isNeedWrite() {
        return !outbound.isEmpty();
    }

    @Override
    public synchronized void writeMore() throws IOException {
        flushDue();
    }

    @Override
    public boolean isNeedRead() {
        return false; // every byte read goes back to Java-WebSocket at once
    }

    @Override
    public int readMore(ByteBuffer dst) {
        return 0;
    }

    @Override
    public boolean isBlocking() {
        return socket.isBlocking();
    }

    @Override
    public synchronized boolean isOpen() {
        return !closing && socket.isOpen();
    }

    /** Java-WebSocket is done: the last bytes go out (delayed or not), then a half-close and a linger. */
    @Override
    public synchronized void close() {
        if (closing) return;
        closing = true;
        if (outbound.isEmpty()) {
            endGently();
        } else {
            // a client that never reads would hold its socket (and this queue) forever
            owner.after(GatewayChannels.LINGER_NANOS, this::abortIfUnfinished);
        }
    }

    private synchronized void abortIfUnfinished() {
        if (!finished) abort();
    }

    /** The peer reads our close frame before the socket goes: FIN now, drain its bytes, then close. */
    private void endGently() {
        if (finished) return;
        finished = true;
        owner.ended(this);
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            closeSocket();
            return;
        }
        owner.linger(socket);
    }

    /**
     * A forced drop: a reset, as when the network fails. Java-WebSocket is not told (closing the
     * socket cancels its key, so it never learns by itself): callers whose connection may still be
     * open go through {@link GatewayChannels#drop}.
     */
    synchronized void abort() {
        if (finished && !socket.isOpen()) return;
        finished = true;
        closing = true;
        owner.ended(this);
        outbound.clear();
        try {
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    private void counted(int n, boolean in) {
        if (n <= 0) return;
        if (in) {
            bytesIn += n;
        } else {
            bytesOut += n;
        }
        owner.countBytes(n, in);
    }
}
