package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneRecorder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 * A message takes the caller freed last (so only as many callers, and connections, as the
 * load needs are in use) up to {@code maxConcurrency}, the cap, as a function's reserved
 * concurrency caps its concurrent executions. A call the cap refuses is throttled: counted ({@link #throttled()})
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
    /** Free caller slots, the last one freed first: a few connections stay warm instead of a thousand going stale. */
    private final ConcurrentLinkedDeque<Integer> freeCallers = new ConcurrentLinkedDeque<>();
    private final AtomicIntegerArray inFlight;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Object lifecycle = new Object();
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile boolean lastFailed;
    private ScheduledThreadPoolExecutor timer;
    private volatile LaneHttpClient http;
    private Caller[] callers;
    private byte[] request;

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
        for (int i = 0; i < settings.maxConcurrency(); i++) freeCallers.add(i);
        this.inFlight = new AtomicIntegerArray(settings.maxConcurrency());
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
            timer = LaneThreads.timer(prefix);
            LaneHttpClient h = new LaneHttpClient(uri, prefix, Duration.ofSeconds(10), null);
            callers = new Caller[settings.maxConcurrency()];
            for (int i = 0; i < callers.length; i++) callers[i] = h.caller();
            request = h.encode("POST", uri.getRawPath() + "?" + uri.getRawQuery(), "application/json",
                    "{}".getBytes(StandardCharsets.US_ASCII));
            http = h;
            if (h.tls()) recorder.bytesEstimated("HTTP/1.1 bytes as sent and read, without TLS's own");
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
            if (callers != null) for (Caller c : callers) c.cancel();
            if (http != null) http.close();
            http = null;
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
        return inFlight.get(client) != 0 ? LaneState.HOLDING : LaneState.OPEN;
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
        LaneHttpClient h = http;
        if (stopped || h == null) return false;
        Integer caller = freeCallers.pollFirst();
        if (caller == null) {
            throttled.incrementAndGet();
            recorder.throttled();
            return false;
        }
        invocations.incrementAndGet();
        recorder.requestSent(caller, request.length);
        long began = System.nanoTime();
        inFlight.set(caller, 1);
        try {
            callers[caller].send(request, settings.timeout().toMillis(), new Caller.Answer() {
                @Override
                public void answered(Caller.Reply reply) {
                    done(caller, reply, null, began);
                }

                @Override
                public void failed(Throwable error) {
                    done(caller, null, error, began);
                }
            });
        } catch (RejectedExecutionException stopping) {
            inFlight.set(caller, 0);
            freeCallers.addFirst(caller);
            return false;
        }
        return true;
    }

    private void done(int caller, Caller.Reply reply, Throwable err, long began) {
        inFlight.set(caller, 0);
        try {
            if (!stopped) answered(caller, reply, err, (System.nanoTime() - began) / 1e6);
        } finally {
            freeCallers.addFirst(caller);
        }
    }

    private void answered(int caller, Caller.Reply reply, Throwable err, double roundTripMs) {
        LaneRecorder.Invocation result;
        if (err != null) {
            result = new LaneRecorder.Invocation(null, false, 0, 0, 0, 0, roundTripMs, -1, -1,
                    LaneHttp.errorKind(err), LaneHttp.describe(err));
        } else {
            recorder.responseReceived(caller, reply.status(), reply.bytes(), 0);
            result = InvocationAnswer.parse(reply.status(), reply.header("x-amzn-ErrorType"), reply.body(), roundTripMs);
        }
        if (result.failed()) failures.incrementAndGet();
        lastFailed = result.failed();
        recorder.invocation(caller, result);
    }
}
