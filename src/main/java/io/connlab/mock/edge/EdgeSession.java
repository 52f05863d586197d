package io.connlab.mock.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One client connection through the edge and, once admitted, its backend connection: reads
 * the request head when the admission needs one, refuses or connects, then pumps both
 * directions through two {@link Flow}s. Selector thread only, except the volatile counts.
 */
final class EdgeSession {
    private static final Logger log = LoggerFactory.getLogger(EdgeSession.class);
    static final int MAX_HEAD = 16 * 1024;
    private static final long HEAD_TIMEOUT_NANOS = 30_000_000_000L;
    private static final long DRAIN_NANOS = 1_000_000_000L;
    private static final long REFUSE_WRITE_NANOS = 3_000_000_000L;

    private enum State { HEAD, CONNECTING, OPEN, REFUSING, CLOSED }

    private final EdgeListener edge;
    private final SocketChannel client;
    final InetSocketAddress clientAddress;
    final Instant openedAt = Instant.now();
    private SocketChannel backend;
    private SelectionKey clientKey;
    private SelectionKey backendKey;
    private final Flow up = new Flow(this, true);
    private final Flow down = new Flow(this, false);
    private volatile State state;   // volatile: connections() reads it from other threads
    private ByteBuffer head;
    private int headScanned;
    private Deadline deadline;
    volatile boolean admitted;
    // written by the selector thread only, read by any
    volatile long bytesIn;
    volatile long bytesOut;

    EdgeSession(EdgeListener edge, SocketChannel client, InetSocketAddress clientAddress) {
        this.edge = edge;
        this.client = client;
        this.clientAddress = clientAddress;
    }

    void start(long now) throws IOException {
        clientKey = client.register(edge.selector(), 0, this);
        if (edge.admission().needsRequestHead()) {
            state = State.HEAD;
            head = ByteBuffer.allocate(MAX_HEAD);
            setDeadline(now + HEAD_TIMEOUT_NANOS);
        } else {
            decide(null, now);
        }
        updateInterest();
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    /**
     * True when everything the server sent, and its end of stream, has been passed on to the client
     * (or, still reading the request head, the server has not heard of this client).
     */
    boolean serverSaidAll() {
        State st = state;
        return st == State.CLOSED || st == State.HEAD || down.outputShut;
    }

    /** True when this session's backend connection has {@code address} as its local end. */
    boolean backendSideIs(InetSocketAddress address) {
        if (address == null || backend == null) return false;
        try {
            return address.equals(backend.getLocalAddress());
        } catch (IOException closed) {
            return false;
        }
    }

    NetworkConditions conditions() {
        return edge.conditions();
    }

    SocketChannel destination(boolean upstream) {
        if (upstream) return state == State.OPEN ? backend : null;
        return state == State.OPEN || state == State.CONNECTING || state == State.REFUSING ? client : null;
    }

    void schedule(Timed t, long due) {
        edge.schedule(t, due);
    }

    void countRead(boolean upstream, int n) {
        if (upstream) {
            bytesIn += n;
            edge.countFromClients(n);
        }
    }

    void countWritten(boolean upstream, int n) {
        if (!upstream) {
            bytesOut += n;
            edge.countToClients(n);
        }
    }

    /** A key of this session is ready. */
    void onReady(SelectionKey key, ByteBuffer buf, long now) {
        if (state == State.CLOSED || !key.isValid()) return;
        try {
            int ready = key.readyOps();
            if (key == clientKey) {
                if ((ready & SelectionKey.OP_READ) != 0) readClient(buf, now);
                if ((ready & SelectionKey.OP_WRITE) != 0 && state != State.CLOSED) down.flush(now);
            } else if (key == backendKey) {
                if ((ready & SelectionKey.OP_CONNECT) != 0) {
                    finishConnect(now);
                } else {
                    if ((ready & SelectionKey.OP_READ) != 0) down.readFrom(backend, buf, now);
                    if ((ready & SelectionKey.OP_WRITE) != 0 && state != State.CLOSED) up.flush(now);
                }
            }
            updateInterest();
        } catch (IOException e) {
            abort();
        }
    }

    private void readClient(ByteBuffer buf, long now) throws IOException {
        switch (state) {
            case HEAD -> readHead(now);
            case REFUSING -> {
                if (!up.readFrom(client, buf, now)) refusalProgress(now);
            }
            case CONNECTING, OPEN -> up.readFrom(client, buf, now);
            default -> { }
        }
    }

    private void readHead(long now) throws IOException {
        int n = client.read(head);
        if (n < 0) {
            close(false);   // gone before its request head ended: nothing to answer
            return;
        }
        countRead(true, n);
        int end = headEnd();
        if (end < 0) {
            if (!head.hasRemaining()) {
                edge.countRefused();
                refuse(HttpResponses.text(431, "Request Header Fields Too Large", "text/plain",
                        "Request header fields too large\n", Map.of()), now);
            }
            return;
        }
        decide(new String(head.array(), 0, end, StandardCharsets.ISO_8859_1), now);
    }

    /** Index just past the first CRLFCRLF in the head buffer, or -1. */
    private int headEnd() {
        byte[] a = head.array();
        int limit = head.position();
        for (int i = Math.max(0, headScanned - 3); i + 3 < limit; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') return i + 4;
        }
        headScanned = limit;
        return -1;
    }

    private void decide(String requestHead, long now) throws IOException {
        Admission.Verdict verdict;
        try {
            verdict = edge.admission().decide(clientAddress, requestHead);
            if (verdict == null) throw new IllegalStateException("admission returned no verdict");
        } catch (RuntimeException e) {
            log.warn("edge {}: admission failed for {}", edge.name(), clientAddress, e);
            edge.countRefused();
            refuse(requestHead == null ? null : HttpResponses.text(500, "Internal Server Error",
                    "text/plain", "Internal server error\n", Map.of()), now);
            return;
        }
        if (!verdict.admitted()) {
            edge.countRefused();
            refuse(verdict.bytes(), now);
            return;
        }
        admitted = true;
        edge.admitted(this);
        state = State.CONNECTING;
        if (requestHead != null) {
            int end = requestHead.length();
            ByteBuffer forward = verdict.bytes() != null ? ByteBuffer.wrap(verdict.bytes())
                    : ByteBuffer.wrap(head.array(), 0, end);
            up.deliver(forward, now);
            head.flip().position(end);   // bytes that came after the head follow it
            if (head.hasRemaining()) up.deliver(head, now);
            head = null;
            cancelDeadline();
        } else if (verdict.bytes() != null) {
            up.deliver(ByteBuffer.wrap(verdict.bytes()), now);   // a prefix for the backend
        }
        connectBackend(now);
    }

    private void connectBackend(long now) {
        boolean connected;
        try {
            backend = SocketChannel.open();
            backend.configureBlocking(false);
            backend.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connected = backend.connect(edge.backend());
            backendKey = backend.register(edge.selector(), connected ? 0 : SelectionKey.OP_CONNECT, this);
        } catch (IOException e) {
            backendFailed(e);
            return;
        }
        if (connected) onConnected(now);
    }

    private void finishConnect(long now) {
        try {
            if (!backend.finishConnect()) return;
        } catch (IOException e) {
            backendFailed(e);
            return;
        }
        onConnected(now);
    }

    private void onConnected(long now) {
        state = State.OPEN;
        try {
            up.flush(now);
        } catch (IOException e) {
            abort();
        }
    }

    private void backendFailed(IOException e) {
        edge.countBackendFailure(e);
        abort();
    }

    /** Answers (after the one-way delay), shuts our output, drains the client, then closes. */
    private void refuse(byte[] response, long now) throws IOException {
        state = State.REFUSING;
        head = null;
        up.discard = true;
        up.markDone();
        // the request travelled here first: the answer arrives a whole round trip after it left
        long requestDelay = conditions().oneWayDelayNanos();
        setDeadline(now + requestDelay + (conditions().rttMillis() + conditions().jitterMillis()) * 1_000_000L
                + REFUSE_WRITE_NANOS);
        if (response != null) down.deliver(ByteBuffer.wrap(response), now, requestDelay);
        down.onEof(now);
        updateInterest();
    }

    /** Called by a flow once it has shut its destination's output. */
    void directionDone() {
        if (state == State.REFUSING) {
            refusalProgress(System.nanoTime());
        } else if (up.outputShut && down.outputShut) {
            close(false);
        }
    }

    private void refusalProgress(long now) {
        if (!down.outputShut) return;
        if (up.eof) {
            close(false);
        } else if (deadline == null || deadline.due > now + DRAIN_NANOS) {
            setDeadline(now + DRAIN_NANOS);
        }
    }

    void flushLater(Flow flow, long now) {
        if (state == State.CLOSED) return;
        try {
            flow.flush(now);
            updateInterest();
        } catch (IOException e) {
            abort();
        }
    }

    /** Head timeout or end of the refusal's drain. */
    private void deadlinePassed() {
        if (state == State.HEAD || state == State.REFUSING) close(false);
    }

    // a replaced deadline stays queued, cancelled, until its time: cheaper than removing it
    private void setDeadline(long due) {
        cancelDeadline();
        deadline = new Deadline(this);
        edge.schedule(deadline, due);
    }

    private void cancelDeadline() {
        if (deadline != null) deadline.cancelled = true;
        deadline = null;
    }

    private static final class Deadline extends Timed {
        private final EdgeSession session;
        boolean cancelled;

        Deadline(EdgeSession session) {
            this.session = session;
        }

        @Override
        void onTime(long now) {
            if (!cancelled) session.deadlinePassed();
        }
    }

    private void updateInterest() {
        if (state == State.CLOSED) return;
        int c = 0;
        if (state == State.HEAD || (state == State.REFUSING ? !up.eof : up.wantsRead())) c |= SelectionKey.OP_READ;
        if (down.writeBlocked) c |= SelectionKey.OP_WRITE;
        setOps(clientKey, c);
        if (backendKey != null) {
            int b;
            if (state == State.CONNECTING) {
                b = SelectionKey.OP_CONNECT;
            } else {
                b = (down.wantsRead() ? SelectionKey.OP_READ : 0) | (up.writeBlocked ? SelectionKey.OP_WRITE : 0);
            }
            setOps(backendKey, b);
        }
    }

    private static void setOps(SelectionKey key, int ops) {
        if (key.isValid() && key.interestOps() != ops) key.interestOps(ops);
    }

    /** Resets both sides (RST). */
    void abort() {
        close(true);
    }

    private void close(boolean reset) {
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        closeChannel(client, reset);
        if (backend != null) closeChannel(backend, reset);
        up.clear();
        down.clear();
        head = null;
        cancelDeadline();
        edge.ended(this);
    }

    private static void closeChannel(SocketChannel ch, boolean reset) {
        try {
            if (reset && ch.isOpen()) ch.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException ignored) {
            // not connected (yet): a plain close is all there is
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
