package io.connlab.mock.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The socket-level edge in front of one mock listener (the HTTP server, the database; the
 * WebSocket gateway has its own, in its I/O path): a TCP proxy that accepts on the public address and forwards each connection to
 * the real server on loopback. On the way it applies the {@link NetworkConditions} (delay and
 * jitter on every byte, handshakes included), the listener's {@link Admission} (refusing a
 * handshake or a database client before the server sees it) and forced drops, and it counts
 * the exact bytes of every connection.
 *
 * <p>One selector thread ({@code edge-<name>}) does all the work; every public method may be
 * called from any thread. Stop the server behind the edge first (so its goodbyes pass through),
 * then close the edge.
 */
public final class EdgeListener implements SocketEdge, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EdgeListener.class);
    /** A whole class connects at once; the JDK default of 50 makes a burst wait on SYN retries. */
    static final int BACKLOG = 2048;
    private static final int READ_BUFFER = 64 * 1024;
    private static final int ACCEPTS_PER_WAKEUP = 1024;
    private static final long ACCEPT_PAUSE_NANOS = 100_000_000L;

    private final String name;
    private final InetSocketAddress backend;
    private final NetworkConditions conditions;
    private final Admission admission;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final SelectionKey serverKey;
    private final InetSocketAddress address;
    private final Thread thread;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final PriorityQueue<Timed> timers = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<EdgeSession> sessions = ConcurrentHashMap.newKeySet();
    private final Timed acceptResume = new Timed() {
        @Override
        void onTime(long now) {
            if (serverKey.isValid()) serverKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    };
    private static final long DRAIN_CHECK_MS = 10;
    private volatile boolean closing;
    private volatile boolean draining;
    private volatile long drainDeadline;
    private long lastAcceptWarning;

    // single writer (the selector thread), read from any thread
    private volatile int openConnections;
    private volatile long acceptedTotal;
    private volatile long refusedTotal;
    private volatile long backendFailures;
    private volatile long bytesFromClients;
    private volatile long bytesToClients;

    private EdgeListener(String name, InetSocketAddress backend, NetworkConditions conditions, Admission admission,
                         Selector selector, ServerSocketChannel server) throws IOException {
        this.name = name;
        this.backend = backend;
        this.conditions = conditions;
        this.admission = admission;
        this.selector = selector;
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.serverKey = server.register(selector, SelectionKey.OP_ACCEPT, this);
        this.thread = new Thread(this::run, "edge-" + name);
        thread.setDaemon(true);
    }

    /**
     * Binds the public address and starts forwarding to {@code backend}.
     *
     * @param bindAddress the public address; port 0 picks a free port (see {@link #address()})
     */
    public static EdgeListener open(String name, InetSocketAddress bindAddress, InetSocketAddress backend,
                                    NetworkConditions conditions, Admission admission) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(admission, "admission");
        Selector selector = Selector.open();
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(bindAddress, BACKLOG);
            server.configureBlocking(false);
            EdgeListener edge = new EdgeListener(name, backend, conditions, admission, selector, server);
            edge.thread.start();
            return edge;
        } catch (IOException | RuntimeException e) {
            if (server != null) server.close();
            selector.close();
            throw e;
        }
    }

    /** The bound public address (the real port when bound to port 0). */
    public InetSocketAddress address() {
        return address;
    }

    public String name() {
        return name;
    }

    /** Connections admitted and not yet closed. */
    @Override
    public int openConnections() {
        return openConnections;
    }

    /** Connections the admission let through, since the start. */
    @Override
    public long acceptedTotal() {
        return acceptedTotal;
    }

    /** Connections refused (by the admission, or with 431 for an oversized request head). */
    @Override
    public long refusedTotal() {
        return refusedTotal;
    }

    /** Admitted connections closed because the backend could not be reached. */
    public long backendFailures() {
        return backendFailures;
    }

    /** Exact bytes received from clients on every connection since the start. */
    @Override
    public long bytesFromClients() {
        return bytesFromClients;
    }

    /** Exact bytes written to clients on every connection since the start. */
    @Override
    public long bytesToClients() {
        return bytesToClients;
    }

    /** A snapshot of the admitted, open connections. */
    public List<EdgeConnection> connections() {
        List<EdgeConnection> list = new ArrayList<>();
        for (EdgeSession s : sessions) {
            if (s.admitted && !s.isClosed()) {
                list.add(new EdgeConnection(s.clientAddress, s.openedAt, s.bytesIn, s.bytesOut));
            }
        }
        return list;
    }

    /** Forced drop: resets every connection (RST to client and server); returns how many. */
    @Override
    public int dropAll() {
        return onLoop(() -> {
            int n = 0;
            for (EdgeSession s : List.copyOf(sessions)) {
                if (!s.isClosed()) {
                    s.abort();
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * Forced drop of every connection but the one whose backend side is {@code keep} (as the
     * server behind the edge sees its peer): an admin request asking for the drop still gets
     * its answer. Returns how many were reset.
     */
    public int dropAllExcept(InetSocketAddress keep) {
        return onLoop(() -> {
            int n = 0;
            for (EdgeSession s : List.copyOf(sessions)) {
                if (!s.isClosed() && !s.backendSideIs(keep)) {
                    s.abort();
                    n++;
                }
            }
            return n;
        });
    }

    /** Resets the connections from one client address; returns how many. */
    public int drop(InetSocketAddress client) {
        return onLoop(() -> {
            int n = 0;
            for (EdgeSession s : List.copyOf(sessions)) {
                if (!s.isClosed() && s.clientAddress.equals(client)) {
                    s.abort();
                    n++;
                }
            }
            return n;
        });
    }

    /** Stops accepting, resets every connection and frees the port; idempotent. */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) joinLoop();
    }

    /**
     * A clean close: stops accepting at once, then, for at most {@code grace}, keeps forwarding
     * until every connection's server has said all it will (its bytes and its end of the stream
     * have reached the client), then closes as {@link #close()} does. Stop the server behind the
     * edge first, so its goodbyes (a poll's answer, a WebSocket close frame) are what is drained.
     */
    public void close(Duration grace) {
        if (closing || draining) return;
        drainDeadline = System.nanoTime() + Math.max(0, grace.toNanos());
        draining = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(Math.max(0, grace.toMillis()) + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True when no connection has anything left from its server to pass on. */
    private boolean drained() {
        for (EdgeSession s : sessions) {
            if (!s.serverSaidAll()) return false;
        }
        return true;
    }

    private void joinLoop() {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- selector thread ----

    private void run() {
        try {
            while (!closing) {
                if (draining && drainStep()) break;
                long timeoutMs = 0;
                Timed next = timers.peek();
                if (next != null) {
                    long wait = next.due - System.nanoTime();
                    timeoutMs = wait <= 0 ? -1 : Math.max(1, (wait + 999_999) / 1_000_000);
                }
                if (draining && timeoutMs >= 0) timeoutMs = timeoutMs == 0 ? DRAIN_CHECK_MS : Math.min(timeoutMs, DRAIN_CHECK_MS);
                long[] now = {0};
                if (timeoutMs < 0) {
                    selector.selectNow(key -> onKey(key, now));
                } else {
                    selector.select(key -> onKey(key, now), timeoutMs);
                }
                runTasks();
                runTimers(System.nanoTime());
            }
        } catch (IOException | RuntimeException | Error e) {
            log.error("edge {}: selector loop failed", name, e);
        } finally {
            closing = true;
            shutdown();
        }
    }

    /** One look while draining: stop accepting (once); true when drained or out of time. */
    private boolean drainStep() {
        if (serverKey.isValid()) {
            serverKey.cancel();
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        return drained() || System.nanoTime() - drainDeadline >= 0;
    }

    private void onKey(SelectionKey key, long[] now) {
        if (now[0] == 0) now[0] = System.nanoTime();
        Object att = key.attachment();
        if (att == this) {
            if (key.isValid() && key.isAcceptable()) accept(now[0]);
            return;
        }
        EdgeSession session = (EdgeSession) att;
        try {
            session.onReady(key, readBuffer, now[0]);
        } catch (RuntimeException e) {
            log.warn("edge {}: connection from {} failed", name, session.clientAddress, e);
            session.abort();
        }
    }

    private void accept(long now) {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                // typically out of file descriptors: back off instead of spinning on OP_ACCEPT
                if (now - lastAcceptWarning > 5_000_000_000L || lastAcceptWarning == 0) {
                    lastAcceptWarning = now;
                    log.warn("edge {}: accept failed: {}", name, e.toString());
                }
                serverKey.interestOps(0);
                schedule(acceptResume, now + ACCEPT_PAUSE_NANOS);
                return;
            }
            if (ch == null) return;
            EdgeSession session = null;
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                session = new EdgeSession(this, ch, (InetSocketAddress) ch.getRemoteAddress());
                sessions.add(session);
                session.start(now);
            } catch (IOException | RuntimeException e) {
                log.debug("edge {}: dropped a new connection: {}", name, e.toString());
                if (session != null) {
                    session.abort();
                } else {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // nothing more to do
                    }
                }
            }
        }
    }

    private void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("edge {}: task failed", name, e);
            }
        }
    }

    private void runTimers(long now) {
        Timed t;
        while ((t = timers.peek()) != null && t.due <= now) {
            timers.poll();
            t.queued = false;
            try {
                t.onTime(now);
            } catch (RuntimeException e) {
                log.warn("edge {}: timer failed", name, e);
            }
        }
    }

    private void shutdown() {
        for (EdgeSession s : List.copyOf(sessions)) s.abort();
        timers.clear();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            selector.close();   // deregisters every channel, which really closes their sockets
        } catch (IOException ignored) {
            // closing anyway
        }
        runTasks();   // let callers waiting in onLoop() go
    }

    private <T> T onLoop(Supplier<T> work) {
        if (Thread.currentThread() == thread) return work.get();
        if (closing) {
            // the loop may be gone: wait for its shutdown, after which nothing is left to race with
            joinLoop();
            if (!thread.isAlive()) return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return result.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // closed meanwhile: the loop is gone and cannot run it, so run it here
                if (!thread.isAlive()) runTasks();
                if (System.nanoTime() > deadline) throw new IllegalStateException("edge " + name + " did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for edge " + name, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("edge " + name + " failed", e.getCause());
            }
        }
    }

    // ---- used by sessions and flows, selector thread only ----

    Selector selector() {
        return selector;
    }

    InetSocketAddress backend() {
        return backend;
    }

    NetworkConditions conditions() {
        return conditions;
    }

    Admission admission() {
        return admission;
    }

    void schedule(Timed t, long due) {
        if (t.queued) {
            if (t.due <= due) return;   // fires earlier already and re-checks then
            timers.remove(t);
        }
        t.due = due;
        t.queued = true;
        timers.add(t);
    }

    void admitted(EdgeSession s) {
        acceptedTotal++;
        openConnections++;
    }

    void countRefused() {
        refusedTotal++;
    }

    void countBackendFailure(IOException e) {
        backendFailures++;
        log.debug("edge {}: backend {} unreachable: {}", name, backend, e.toString());
    }

    void countFromClients(int n) {
        bytesFromClients += n;
    }

    void countToClients(int n) {
        bytesToClients += n;
    }

    /** A session closed, whichever way. */
    void ended(EdgeSession s) {
        sessions.remove(s);
        if (s.admitted) {
            openConnections--;
            try {
                admission.closed(s.clientAddress);
            } catch (RuntimeException e) {
                log.warn("edge {}: admission.closed failed", name, e);
            }
        }
    }
}
