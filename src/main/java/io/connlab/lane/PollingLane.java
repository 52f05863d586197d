package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.metrics.Clock;
import io.connlab.metrics.LaneRecorder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;

/**
 * What the long- and short-poll lanes share: one {@link LaneHttpClient} for all their clients
 * (a thousand pollers cost a thousand keep-alive sockets and one event-loop thread),
 * the per-client cursor, and turning an answer into deliveries.
 */
abstract class PollingLane implements Lane {
    /** Cursor value meaning "not known yet": the first request leaves the cursor out. */
    static final long NO_CURSOR = -1;

    final String name;
    final String pollUrl;
    final String runId;
    final LaneRecorder recorder;
    final int clients;
    final Duration connectTimeout;

    final AtomicReferenceArray<LaneState> states;
    final AtomicLongArray cursors;
    /** 1 while the client's poll is out, until its answer is read and its cursor moved on. */
    final AtomicIntegerArray inFlight;
    /** The request target (path and query) every poll starts with. */
    private final String target;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong emptyAnswers = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    private final Object lifecycle = new Object();
    volatile boolean started;
    volatile boolean stopped;
    ScheduledThreadPoolExecutor timer;
    private volatile LaneHttpClient http;
    private volatile Caller[] callers;

    PollingLane(String name, String pollUrl, String runId, int clients, Duration connectTimeout, LaneRecorder recorder) {
        if (pollUrl == null) throw new IllegalArgumentException(name + ": the endpoint has no poll URL");
        if (!pollUrl.startsWith("http://") && !pollUrl.startsWith("https://")) {
            throw new IllegalArgumentException(name + ": poll URL must be http(s), got " + pollUrl);
        }
        if (!RunMessage.isValidRunId(runId)) throw new IllegalArgumentException(name + ": invalid run id '" + runId + "'");
        if (clients < 1) throw new IllegalArgumentException(name + ": clients must be >= 1, got " + clients);
        this.name = name;
        this.pollUrl = pollUrl;
        this.runId = runId;
        this.clients = clients;
        this.connectTimeout = connectTimeout;
        this.recorder = recorder;
        this.states = new AtomicReferenceArray<>(clients);
        this.cursors = new AtomicLongArray(clients);
        for (int i = 0; i < clients; i++) {
            states.set(i, LaneState.CONNECTING);
            cursors.set(i, NO_CURSOR);
        }
        this.inFlight = new AtomicIntegerArray(clients);
        URI uri = URI.create(pollUrl);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.target = path + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int clients() {
        return clients;
    }

    @Override
    public final LaneState state() {
        return Lane.summarize(clients, states::get, stopped, steadyState());
    }

    /** What the lane shows when all is well: HOLDING for long poll, OPEN for short poll. */
    abstract LaneState steadyState();

    @Override
    public final LaneState clientState(int client) {
        return stopped ? LaneState.STOPPED : states.get(client);
    }

    @Override
    public final void start() {
        synchronized (lifecycle) {
            if (started || stopped) return;
            started = true;
            String prefix = "connlab-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            timer = LaneThreads.timer(prefix);
            LaneHttpClient h = new LaneHttpClient(URI.create(pollUrl), prefix, connectTimeout, null);
            Caller[] c = new Caller[clients];
            for (int i = 0; i < clients; i++) c[i] = h.caller();
            callers = c;
            http = h;
            if (h.tls()) recorder.bytesEstimated("HTTP/1.1 bytes as sent and read, without TLS's own");
            begin();
        }
    }

    /** Starts the clients' loops; runs once, inside start(). */
    abstract void begin();

    @Override
    public final void stop() {
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

    /** Requests sent so far (every poll, answered or not). */
    public long requests() {
        return requests.get();
    }

    /** Answers (200) that held no message. */
    public long emptyAnswers() {
        return emptyAnswers.get();
    }

    /** Answers that said messages had fallen out of the server's window ("gap": true). */
    public long gaps() {
        return gaps.get();
    }

    /** Failed requests: transport errors and non-200 answers. */
    public long errors() {
        return errors.get();
    }

    /** The cursor client {@code client} resumes from, or -1 before its first answer. */
    public long cursor(int client) {
        return cursors.get(client);
    }

    /**
     * The next poll. Until a client knows its cursor it asks "where is now" with {@code wait=0},
     * answered at once: held without a cursor, a poll that ends in a 504 would teach it nothing,
     * and every retry would start from a later "now", skipping what was published meanwhile.
     */
    String pollTarget(int client, String wait) {
        long cursor = cursor(client);
        if (cursor == NO_CURSOR) return target + "wait=0";
        return target + "cursor=" + cursor + "&wait=" + wait;
    }

    /**
     * Sends one poll for {@code client}; {@code after} gets the outcome on the HTTP thread:
     * true when a 200 answer was delivered, false after an error (already reported).
     */
    final void poll(int client, String wait, Duration timeout, BiConsumer<Integer, Boolean> after) {
        LaneHttpClient h = http;
        if (stopped || h == null) return;
        byte[] request = h.encode("GET", pollTarget(client, wait), null, NO_BODY);
        requests.incrementAndGet();
        recorder.requestSent(client, request.length);
        inFlight.set(client, 1);
        try {
            callers[client].send(request, timeout.toMillis(), new Caller.Answer() {
                @Override
                public void answered(Caller.Reply reply) {
                    done(client, () -> PollingLane.this.answered(client, reply), after);
                }

                @Override
                public void failed(Throwable error) {
                    done(client, () -> PollingLane.this.failed(client, error), after);
                }
            });
        } catch (RejectedExecutionException closedUnderUs) { // stop() raced us
            inFlight.set(client, 0);
        }
    }

    private static final byte[] NO_BODY = new byte[0];

    private void done(int client, java.util.function.BooleanSupplier outcome, BiConsumer<Integer, Boolean> after) {
        if (stopped) {
            inFlight.set(client, 0);
            return;
        }
        boolean ok = false;
        try {
            ok = outcome.getAsBoolean();
        } finally {
            // Only now has the cursor moved on: a short-poll tick that saw the poll finished
            // earlier would ask again from the old cursor and fetch the same messages twice.
            inFlight.set(client, 0);
        }
        after.accept(client, ok);
    }

    private boolean failed(int client, Throwable err) {
        errors.incrementAndGet();
        recorder.error(client, LaneHttp.errorKind(err), LaneHttp.describe(err));
        return false;
    }

    private boolean answered(int client, Caller.Reply reply) {
        long now = Clock.nowMicros();
        byte[] body = reply.body();
        int status = reply.status();
        if (status != 200) {
            recorder.responseReceived(client, status, reply.bytes(), 0);
            errors.incrementAndGet();
            recorder.error(client, "http-" + status, new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
            return false;
        }
        PollResult answer;
        try {
            answer = PollResult.parse(body);
        } catch (IOException e) {
            recorder.responseReceived(client, status, reply.bytes(), 0);
            errors.incrementAndGet();
            recorder.error(client, "bad-response", e.getMessage());
            return false;
        }
        recorder.responseReceived(client, status, reply.bytes(), answer.messages().size());
        long before = cursors.getAndSet(client, answer.cursor());
        if (answer.messages().isEmpty()) emptyAnswers.incrementAndGet();
        if (answer.gap()) {
            gaps.incrementAndGet();
            long firstSeq = answer.messages().isEmpty() ? -1 : answer.messages().get(0).seq();
            recorder.gap(client, before >= 0 && firstSeq > before + 1 ? firstSeq - before - 1 : -1);
        }
        for (PollResult.Message m : answer.messages()) {
            RunMessage.Stamp stamp = RunMessage.parse(m.data(), runId);
            if (stamp != null) recorder.delivered(client, stamp.seq(), stamp.sentAtMicros(), now);
            else recorder.foreign(client, WireText.utf8Length(m.data()));
        }
        return true;
    }

    /** Seconds as the poll API's {@code wait} parameter: whole seconds as an integer, else with millisecond decimals. */
    static String waitParam(Duration wait) {
        long ms = wait.toMillis();
        if (ms % 1000 == 0) return Long.toString(ms / 1000);
        return String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
