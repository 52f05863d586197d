package io.connlab.mock.gateway;

import io.connlab.mock.edge.NetworkConditions;
import io.connlab.mock.edge.SocketEdge;
import io.connlab.thread.DaemonThreads;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.framing.CloseFrame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's socket edge, inside Java-WebSocket's own I/O path: wraps every accepted socket
 * in a {@link ShapedChannel} (one descriptor per connection, no relay hop), keeps the counters
 * the admin API reports, runs the network timer (delays, lingering closes) and the forced drop.
 */
final class GatewayChannels implements WebSocketServerFactory, SocketEdge {
    /** How long a closed connection keeps reading (and discarding) so its client reads our close frame. */
    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** From accept to the end of the handshake's head: the HTTP API's head timeout (HttpLimits), 408 past it. */
    static final long HANDSHAKE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long LINGER_POLL_MILLIS = 20;

    private final NetworkConditions network;
    private final FrontDoor frontDoor;
    private final Set<ShapedChannel> open = ConcurrentHashMap.newKeySet();
    private final Set<SocketChannel> lingering = ConcurrentHashMap.newKeySet();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final ByteBuffer discard = ByteBuffer.allocateDirect(16 * 1024); // the timer thread's alone
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("gateway-network"));

    GatewayChannels(NetworkConditions network, FrontDoor frontDoor) {
        this.network = network;
        this.frontDoor = frontDoor;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
        return new WebSocketImpl(new DirectWrites(a, this), d);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
        return new WebSocketImpl(new DirectWrites(a, this), drafts);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        accepted.increment();
        ShapedChannel shaped = new ShapedChannel(channel, key, this, network, new HandshakeGate(frontDoor));
        open.add(shaped);
        after(HANDSHAKE_DEADLINE_NANOS, shaped::handshakeDeadlinePassed);
        return shaped;
    }

    /** Java-WebSocket calls this when the server stops; the gateway closes the rest itself. */
    @Override
    public void close() {
    }

    /**
     * Lets the last bytes (close frames behind an added delay) reach their clients and the
     * lingering sockets see their clients go, for at most {@code graceNanos}; then resets what is
     * left, stops the timer and closes every socket.
     */
    void shutdown(long graceNanos) throws InterruptedException {
        long deadline = System.nanoTime() + graceNanos;
        while ((!open.isEmpty() || !lingering.isEmpty()) && System.nanoTime() - deadline < 0) {
            Thread.sleep(10); // the timer thread is doing the work; nothing to wait on but it
        }
        for (ShapedChannel c : List.copyOf(open)) c.abort();
        stopTimer();
    }

    void stopTimer() {
        timer.shutdownNow();
        for (SocketChannel s : lingering) quietlyClose(s);
        lingering.clear();
    }

    @Override
    public int openConnections() {
        return open.size();
    }

    @Override
    public long acceptedTotal() {
        return accepted.sum();
    }

    @Override
    public long refusedTotal() {
        return refused.sum();
    }

    @Override
    public long bytesFromClients() {
        return bytesIn.sum();
    }

    @Override
    public long bytesToClients() {
        return bytesOut.sum();
    }

    @Override
    public int dropAll() {
        int n = 0;
        for (ShapedChannel c : List.copyOf(open)) {
            if (c.finished()) continue;
            drop(c.webSocket(), "dropped");
            n++;
        }
        return n;
    }

    /**
     * Forced drop of one connection: a reset to the client, 1006 to the gateway (its onClose takes the
     * connection out of the registry). Call it holding no channel's lock: Java-WebSocket's close
     * takes the connection's lock, then the channel's.
     */
    static void drop(WebSocketImpl ws, String reason) {
        if (ws.getChannel() instanceof ShapedChannel c) c.abort();
        ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
    }

    /** A channel is done with its socket (closed gently or reset). */
    void ended(ShapedChannel c) {
        open.remove(c);
    }

    void countRefused() {
        refused.increment();
    }

    void countBytes(int n, boolean in) {
        (in ? bytesIn : bytesOut).add(n);
    }

    /**
     * Runs what a client's message does once it has crossed the client-to-gateway half of the
     * added delay: at once when there is none, else on the network timer, in order per connection.
     * Called on the connection's decoding thread (one per connection).
     */
    void afterInboundDelay(GatewayConnection c, Runnable work) {
        long now = System.nanoTime();
        if (network.isIdeal() && c.inboundDueNanos - now <= 0) {
            work.run();
            return;
        }
        c.inboundDueNanos = Math.max(c.inboundDueNanos, now + network.oneWayDelayNanos());
        at(c.inboundDueNanos, work); // equal due times run in the order they were scheduled
    }

    /** Runs {@code task} on the network timer at {@code dueNanos} ({@link System#nanoTime()}). */
    void at(long dueNanos, Runnable task) {
        after(dueNanos - System.nanoTime(), task);
    }

    /** Runs {@code task} on the network timer every {@code periodNanos} until the gateway closes. */
    void every(long periodNanos, Runnable task) {
        timer.scheduleWithFixedDelay(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    void after(long nanos, Runnable task) {
        try {
            timer.schedule(task, Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // the gateway is closing; its sockets are closed with it
        }
    }

    /** Keeps reading and discarding from a half-closed socket until its client closes, or the linger ends. */
    void linger(SocketChannel socket) {
        lingering.add(socket);
        long deadline = System.nanoTime() + LINGER_NANOS;
        after(0, () -> drain(socket, deadline));
    }

    private void drain(SocketChannel socket, long deadline) {
        try {
            int n;
            do {
                discard.clear();
                n = socket.read(discard);
            } while (n > 0);
            if (n < 0 || System.nanoTime() - deadline > 0) {
                lingering.remove(socket);
                quietlyClose(socket);
                return;
            }
        } catch (IOException e) {
            lingering.remove(socket);
            quietlyClose(socket);
            return;
        }
        after(TimeUnit.MILLISECONDS.toNanos(LINGER_POLL_MILLIS), () -> drain(socket, deadline));
    }

    private static void quietlyClose(SocketChannel s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
