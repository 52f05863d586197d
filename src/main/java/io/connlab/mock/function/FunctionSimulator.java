package io.connlab.mock.function;

import io.connlab.thread.DaemonThreads;
import io.connlab.mock.http.HttpExchange;
import io.connlab.mock.http.HttpHandler;
import com.zaxxer.hikari.HikariDataSource;
import io.connlab.mock.TimeScale;
import io.connlab.mock.db.Database;
import io.connlab.mock.http.HttpIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Simulated Lambda functions that query the database, mounted at {@code /{stage}/invoke}:
 * {@code POST ?mode=pooled|unpooled|proxy[&sleepMs=N]} runs one invocation in a warm
 * container or a new cold one, up to the concurrency limit (then 429, as Lambda throttles).
 * Invocations run on the simulator's own bounded executor, never on the HTTP server's threads.
 * {@code sleepMs} (0..{@value #MAX_HOLD_MILLIS}) keeps the invocation's connection after the
 * query, as a slow function would. On a shared {@code serve}, one client address may have at most
 * {@code invocationsPerClient} invocations running ({@link ClientSlots}); past it, 429 for that client only.
 */
public final class FunctionSimulator implements HttpHandler, AutoCloseable {
    public static final long MAX_HOLD_MILLIS = 29_000;
    /** Lambda's synchronous invocation payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FunctionSimulator.class);

    private final Database db;
    private final FunctionSettings settings;
    private final long idleReclaimNanos;
    private final long maxLifetimeNanos;
    private final Map<InvocationMode, SimulatedFunction> functions = new EnumMap<>(InvocationMode.class);
    private final ThreadPoolExecutor invokers;
    private final ScheduledThreadPoolExecutor housekeeping;
    private final HikariDataSource proxyPool;
    private final InvocationRunner runner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ClientSlots clients;

    public FunctionSimulator(Database db, FunctionSettings settings, TimeScale timeScale) {
        this(db, settings, timeScale, 0);
    }

    /** @param invocationsPerClient invocations one client address may have running at once; 0 for no cap */
    public FunctionSimulator(Database db, FunctionSettings settings, TimeScale timeScale, int invocationsPerClient) {
        this.db = db;
        this.clients = new ClientSlots(invocationsPerClient);
        this.settings = settings;
        this.idleReclaimNanos = timeScale.scale(settings.idleReclaim()).toNanos();
        this.maxLifetimeNanos = timeScale.scale(settings.maxLifetime()).toNanos();
        for (InvocationMode m : InvocationMode.values()) functions.put(m, new SimulatedFunction(m, settings.concurrencyLimit()));
        // At most concurrencyLimit invocations per function run at once: acquire() says so before a task is submitted.
        int maxThreads = settings.concurrencyLimit() * InvocationMode.values().length;
        invokers = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), DaemonThreads.factory("function-invoke"));
        housekeeping = new ScheduledThreadPoolExecutor(1, DaemonThreads.factory("function-housekeeping"));
        housekeeping.setRemoveOnCancelPolicy(true);
        int proxySize = Math.max(1, (int) Math.floor(db.maxConnections() * settings.proxyShare()));
        proxyPool = ConnectionPools.proxyPool(db, proxySize, settings.proxyBorrowTimeout(), housekeeping);
        runner = new InvocationRunner(db, settings, proxyPool, housekeeping);
        long period = Math.max(10_000_000L, Math.min(1_000_000_000L, Math.min(idleReclaimNanos, maxLifetimeNanos) / 4));
        housekeeping.scheduleWithFixedDelay(this::reap, period, period, TimeUnit.NANOSECONDS);
    }

    public FunctionSettings settings() {
        return settings;
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            if (closed.get()) {
                HttpIo.jsonMessage(ex, 503, "Service Unavailable");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                HttpIo.jsonMessage(ex, 405, "Method Not Allowed: invoke with POST");
                return;
            }
            Map<String, String> query = HttpIo.query(ex);
            String modeName = query.get("mode");
            Optional<InvocationMode> mode = InvocationMode.parse(modeName);
            if (mode.isEmpty()) {
                HttpIo.jsonMessage(ex, 400, modeName == null || modeName.isEmpty()
                        ? "mode is required: pooled, unpooled or proxy"
                        : "unknown mode '" + modeName + "': use pooled, unpooled or proxy");
                return;
            }
            long hold = parseHold(query.get("sleepMs"));
            if (hold < 0) {
                HttpIo.jsonMessage(ex, 400, "sleepMs must be a whole number of milliseconds, 0.." + MAX_HOLD_MILLIS);
                return;
            }
            if (!drainBody(ex)) {
                ex.getResponseHeaders().set("x-amzn-ErrorType", "RequestEntityTooLargeException");
                HttpIo.jsonMessage(ex, 413, "Request must be smaller than " + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation");
                return;
            }
            invoke(ex, functions.get(mode.get()), hold);
        } catch (IOException clientGone) {
            ex.close();
        } catch (RuntimeException e) {
            LOG.warn("invoke failed", e);
            HttpIo.jsonMessage(ex, 500, "Internal server error");
        }
    }

    private void invoke(HttpExchange ex, SimulatedFunction function, long hold) {
        ClientSlots.Slot slot = clients.take(ex.getRemoteAddress() == null ? null : ex.getRemoteAddress().getAddress());
        if (slot == null) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
            HttpIo.json(ex, 429, Map.of("message", "Rate Exceeded.", "Reason", "ClientConcurrentInvocationLimitExceeded",
                    "detail", "This shared mock runs at most " + clients.cap() + " invocations of one client address at"
                            + " once, so one experiment cannot take every database connection from the class"));
            return;
        }
        List<FunctionContainer> retired = new ArrayList<>();
        FunctionContainer c = function.acquire(System.nanoTime(), maxLifetimeNanos, retired);
        if (!retired.isEmpty()) housekeeping.execute(() -> closeAll(retired));
        if (c == null) {
            slot.release();
            ex.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
            HttpIo.json(ex, 429, Map.of("message", "Rate Exceeded.",
                    "Reason", "ReservedFunctionConcurrentInvocationLimitExceeded"));
            return;
        }
        try {
            invokers.execute(() -> runInContainer(ex, function, c, hold, slot));
        } catch (RejectedExecutionException stopped) {
            slot.release();
            function.release(c, System.nanoTime(), maxLifetimeNanos, false);
            c.close();
            HttpIo.jsonMessage(ex, 503, "Service Unavailable");
        }
    }

    private void runInContainer(HttpExchange ex, SimulatedFunction function, FunctionContainer c, long hold,
                                ClientSlots.Slot slot) {
        boolean keep = false;
        int status = 500;
        Object answer = Map.of("message", "Internal server error");
        try {
            if (!c.initialized()) function.coldStarts.incrementAndGet();
            function.invocations.incrementAndGet();
            c.countInvocation();
            InvocationResult r = runner.run(c, hold);
            keep = !r.containerLost();
            if (r.failed()) function.errors.incrementAndGet();
            status = r.failed() ? 500 : 200;
            answer = r.toJson();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
            answer = Map.of("message", "Service Unavailable");
        } catch (RuntimeException e) {
            LOG.warn("invocation in {} failed", c.id, e);
            function.errors.incrementAndGet();
        } finally {
            // Release before answering: a client that invokes again the moment it has the answer
            // must find this container warm (and its own slot free), not start a second one.
            slot.release();
            if (!function.release(c, System.nanoTime(), maxLifetimeNanos, keep && !closed.get())) c.close();
        }
        HttpIo.json(ex, status, answer);
    }

    /** -1 when bad; 0 when absent. */
    private static long parseHold(String s) {
        if (s == null || s.isEmpty()) return 0;
        if (!s.matches("\\d{1,6}")) return -1;
        long v = Long.parseLong(s);
        return v <= MAX_HOLD_MILLIS ? v : -1;
    }

    /** False when the (ignored) body was over Lambda's payload limit; the server has read and dropped it. */
    private static boolean drainBody(HttpExchange ex) throws IOException {
        try {
            HttpIo.skipBody(ex, MAX_PAYLOAD_BYTES);
            return true;
        } catch (HttpIo.TooLarge e) {
            return false;
        }
    }

    private void reap() {
        try {
            long now = System.nanoTime();
            for (SimulatedFunction f : functions.values()) closeAll(f.reap(now, idleReclaimNanos, maxLifetimeNanos));
        } catch (RuntimeException e) {
            LOG.warn("reclaiming containers failed", e);
        }
    }

    private static void closeAll(List<FunctionContainer> containers) {
        for (FunctionContainer c : containers) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing container {} failed", c.id, e);
            }
        }
    }

    /** Live counts of one function. */
    public FunctionCounts counts(InvocationMode mode) {
        return functions.get(mode).counts();
    }

    /** Live counts of every function, in mode order. */
    public Map<InvocationMode, FunctionCounts> counts() {
        Map<InvocationMode, FunctionCounts> out = new EnumMap<>(InvocationMode.class);
        functions.forEach((m, f) -> out.put(m, f.counts()));
        return out;
    }

    /** Every container now, for the UI's pool picture. */
    public List<ContainerInfo> containers() {
        List<ContainerInfo> out = new ArrayList<>();
        for (SimulatedFunction f : functions.values()) out.addAll(f.containers());
        return out;
    }

    /** Stops every invocation (answered 503), closes every container's pool and the proxy's. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        invokers.shutdownNow();
        try {
            if (!invokers.awaitTermination(5, TimeUnit.SECONDS)) LOG.warn("invocations still running after close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SimulatedFunction f : functions.values()) closeAll(f.removeAll());
        proxyPool.close();
        housekeeping.shutdownNow();
    }
}
