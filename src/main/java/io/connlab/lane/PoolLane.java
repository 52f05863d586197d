package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneRecorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives function invocations in one {@link PoolMode} ({@code POST invokeUrl?mode=…}) at a
 * steady rate with at most {@code maxConcurrency} in flight, and reports each answer as a
 * {@link LaneRecorder.Invocation}.
 *
 * <p>Two ways to drive it, chosen by the rate: with {@code ratePerSecond > 0} the lane fires
 * on its own scheduler at that rate (give it the publish rate; a pooled and an unpooled lane
 * then run side by side without the publisher knowing about either); with
 * {@code ratePerSecond == 0} it fires only when the run calls {@link #invoke()}, once per
 * published message: one event, one invocation, as an SNS-triggered function would run.
 * Callers are added as the load needs them (a message that finds every caller busy gets a new
 * one), up to {@code maxConcurrency}, the cap, as a function's reserved concurrency caps its
 * concurrent executions. A call the cap refuses is throttled: counted ({@link #throttled()})
 * and reported ({@link LaneRecorder#throttled}), never silently skipped. "Client" in the
 * recorder is the caller slot 0..maxConcurrency-1.
 *
 * <p>Every invocation goes to {@code invocation()} exactly once: its figures, or its error
 * kind ("throttled", "db-too-many-clients", "function-error", "http-NNN", and for no answer
 * at all "connect", "timeout", "io"). The recorder logs failed ones as errors itself, so the
 * lane does not call {@code error()} as well.
 */
public final class PoolLane implements Lane {

    /**
     * @param mode           pooled, unpooled or proxy
     * @param ratePerSecond  invocations started per second by the lane's own scheduler, or 0 when the run calls {@link #invoke()}
     * @param maxConcurrency the cap on callers, i.e. the most invocations in flight at once
     * @param timeout        per-invocation timeout
     * @param workMillis     time the function spends after its query, still holding its database
     *                       connection, as a slow function would ({@code sleepMs=} on the mock; 0 for none)
     */
    public record Settings(PoolMode mode, double ratePerSecond, int maxConcurrency, Duration timeout, long workMillis) {
        public Settings {
            if (mode == null) throw new IllegalArgumentException("pool lane: mode is required");
            if (!(ratePerSecond >= 0) || ratePerSecond > 100_000) {
                throw new IllegalArgumentException("pool lane: rate must be 0..100000 per second, got " + ratePerSecond);
            }
            if (maxConcurrency < 1) throw new IllegalArgumentException("pool lane: max concurrency must be >= 1, got " + maxConcurrency);
            if (timeout == null) timeout = Duration.ofSeconds(30);
            if (workMillis < 0 || workMillis > 29_000) {
                throw new IllegalArgumentException("pool lane: function work time must be 0..29000 ms, got " + workMillis);
            }
        }

        public static Settings of(PoolMode mode, double ratePerSecond, int maxConcurrency) {
            return new Settings(mode, ratePerSecond, maxConcurrency, Duration.ofSeconds(30), 0);
        }

        public Settings withWorkMillis(long ms) {
            return new Settings(mode, ratePerSecond, maxConcurrency, timeout, ms);
        }
    }

    private final URI uri;
    private final Settings settings;
    private final LaneRecorder recorder;
    private final ConcurrentLinkedQueue<Integer> freeCallers = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Integer, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger callers = new java.util.concurrent.atomic.AtomicInteger();
    private final Object lifecycle = new Object();
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile boolean lastFailed;
    private ExecutorService executor;
    private ScheduledThreadPoolExecutor timer;
    private HttpClient http;

    public PoolLane(EndpointProfile profile, Settings settings, LaneRecorder recorder) {
        this(profile.invokeUrl(), settings, recorder);
    }

    public PoolLane(String invokeUrl, Settings settings, LaneRecorder recorder) {
        if (invokeUrl == null) throw new IllegalArgumentException("pool lane: the endpoint has no invoke URL");
        if (!invokeUrl.startsWith("http://") && !invokeUrl.startsWith("https://")) {
            throw new IllegalArgumentException("pool lane: invoke URL must be http(s), got " + invokeUrl);
        }
        this.uri = URI.create(invokeUrl + (invokeUrl.contains("?") ? "&" : "?") + "mode=" + settings.mode().wireName()
                + (settings.workMillis() > 0 ? "&sleepMs=" + settings.workMillis() : ""));
        this.settings = settings;
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return "Pool: " + settings.mode().wireName();
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public int clients() {
        return settings.maxConcurrency();
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (started || stopped) return;
            started = true;
            String prefix = "connlab-pool-" + settings.mode().wireName();
            executor = LaneThreads.io(prefix);
            timer = LaneThreads.timer(prefix);
            http = LaneHttp.http11(executor, Duration.ofSeconds(10));
            recorder.bytesEstimated("HTTP/1.1 request and status lines, headers and bodies as the JDK client sees them");
            if (settings.ratePerSecond() == 0) return; // driven by invoke()
            // ticks of at least 1 ms; above 1,000/s each tick fires its share, the fraction carried over
            long periodNanos = Math.max(1_000_000, Math.round(1e9 / settings.ratePerSecond()));
            double perTick = settings.ratePerSecond() * periodNanos / 1e9;
            double[] credit = {1 - perTick}; // the first tick fires at once
            timer.scheduleAtFixedRate(() -> {
                credit[0] += perTick;
                while (credit[0] >= 1 - 1e-9 && !stopped) {
                    credit[0] -= 1;
                    invokeOnce();
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (stopped) return;
            stopped = true;
            if (!started) return;
            timer.shutdownNow();
            inFlight.values().forEach(f -> f.cancel(true));
            inFlight.clear();
            LaneHttp.shutdown(http);
            http = null;
            executor.shutdownNow();
        }
    }

    @Override
    public LaneState state() {
        if (stopped) return LaneState.STOPPED;
        if (!started) return LaneState.CONNECTING;
        return lastFailed ? LaneState.RECONNECTING : LaneState.OPEN;
    }

    @Override
    public LaneState clientState(int client) {
        if (stopped) return LaneState.STOPPED;
        return inFlight.containsKey(client) ? LaneState.HOLDING : LaneState.OPEN;
    }

    /** Invocations sent. */
    public long invocations() {
        return invocations.get();
    }

    /** Invocations that failed (any kind). */
    public long failures() {
        return failures.get();
    }

    /** Calls the cap refused: every one of the {@code maxConcurrency} callers was busy. */
    public long throttled() {
        return throttled.get();
    }

    /** Callers made so far (at most the cap). */
    public int callers() {
        return callers.get();
    }

    /**
     * Starts one invocation now, on a free caller or a new one below the cap; returns at once.
     * False when the lane is not running or the cap refused the call (counted in
     * {@link #throttled()}). Cheap and thread-safe:
     * the run calls it from its timer thread once per message.
     */
    public boolean invoke() {
        return invokeOnce();
    }

    private boolean invokeOnce() {
        HttpClient h = http;
        if (stopped || h == null) return false;
        Integer free = freeCallers.poll();
        Integer caller = free != null ? free : newCaller();
        if (caller == null) {
            throttled.incrementAndGet();
            recorder.throttled();
            return false;
        }
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        invocations.incrementAndGet();
        recorder.requestSent(caller, LaneHttp.requestBytes(req, 2));
        long began = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> f;
        try {
            f = h.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException stopping) {
            freeCallers.add(caller);
            return false;
        }
        inFlight.put(caller, f);
        f.whenComplete((resp, err) -> {
            inFlight.remove(caller, f);
            try {
                if (!stopped) answered(caller, resp, err, (System.nanoTime() - began) / 1e6);
            } finally {
                freeCallers.add(caller);
            }
        });
        return true;
    }

    /** A new caller slot below the cap, or null at the cap. */
    private Integer newCaller() {
        int n;
        do {
            n = callers.get();
            if (n >= settings.maxConcurrency()) return null;
        } while (!callers.compareAndSet(n, n + 1));
        return n;
    }

    private void answered(int caller, HttpResponse<byte[]> resp, Throwable err, double roundTripMs) {
        LaneRecorder.Invocation result;
        if (err != null) {
            result = new LaneRecorder.Invocation(null, false, 0, 0, 0, 0, roundTripMs, -1, -1,
                    LaneHttp.errorKind(err), LaneHttp.describe(err));
        } else {
            byte[] body = resp.body() == null ? new byte[0] : resp.body();
            recorder.responseReceived(caller, resp.statusCode(), LaneHttp.responseBytes(resp, body.length), 0);
            result = InvocationAnswer.parse(resp.statusCode(), resp.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    body, roundTripMs);
        }
        if (result.failed()) failures.incrementAndGet();
        lastFailed = result.failed();
        recorder.invocation(caller, result);
    }
}
