package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.metrics.Clock;
import io.connlab.metrics.LaneRecorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the long- and short-poll lanes share: a few HTTP/1.1 clients for all their clients
 * (requests are async, so a thousand pollers cost a thousand sockets and four selector
 * threads, not a thousand threads),
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
    final AtomicReferenceArray<CompletableFuture<?>> inFlight;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong emptyAnswers = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    private final Object lifecycle = new Object();
    volatile boolean started;
    volatile boolean stopped;
    ExecutorService executor;
    ScheduledThreadPoolExecutor timer;
    /** Clients per HttpClient: each HttpClient has one selector thread; a few share a thousand pollers' I/O. */
    static final int CLIENTS_PER_HTTP_CLIENT = 250;
    volatile HttpClient[] http;

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
        this.inFlight = new AtomicReferenceArray<>(clients);
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
            executor = LaneThreads.io(prefix);
            timer = LaneThreads.timer(prefix);
            HttpClient[] h = new HttpClient[(clients + CLIENTS_PER_HTTP_CLIENT - 1) / CLIENTS_PER_HTTP_CLIENT];
            for (int i = 0; i < h.length; i++) h[i] = LaneHttp.http11(executor, connectTimeout);
            http = h;
            recorder.bytesEstimated("HTTP/1.1 request and status lines, headers and bodies as the JDK client sees them");
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
            // cancelling the JDK's future aborts the exchange and closes its connection (JDK 16+)
            for (int i = 0; i < clients; i++) {
                CompletableFuture<?> f = inFlight.getAndSet(i, null);
                if (f != null) f.cancel(true);
            }
            for (HttpClient h : http) LaneHttp.shutdown(h);
            http = null;
            executor.shutdownNow();
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
    URI pollUri(int client, String wait) {
        long cursor = cursor(client);
        String sep = pollUrl.contains("?") ? "&" : "?";
        if (cursor == NO_CURSOR) return URI.create(pollUrl + sep + "wait=0");
        return URI.create(pollUrl + sep + "cursor=" + cursor + "&wait=" + wait);
    }

    /**
     * Sends one poll for {@code client}; {@code after} gets the outcome on an HTTP thread:
     * true when a 200 answer was delivered, false after an error (already reported).
     */
    final void poll(int client, String wait, Duration timeout, java.util.function.BiConsumer<Integer, Boolean> after) {
        HttpClient[] all = http;
        if (stopped || all == null) return;
        HttpClient h = all[client / CLIENTS_PER_HTTP_CLIENT];
        HttpRequest req = HttpRequest.newBuilder(pollUri(client, wait)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        requests.incrementAndGet();
        recorder.requestSent(client, LaneHttp.requestBytes(req, 0));
        CompletableFuture<HttpResponse<byte[]>> f;
        try {
            f = h.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException closedUnderUs) { // stop() raced us
            return;
        }
        inFlight.set(client, f);
        f.whenComplete((resp, err) -> {
            if (stopped) {
                inFlight.compareAndSet(client, f, null);
                return;
            }
            boolean ok = false;
            try {
                ok = err == null ? answered(client, resp) : failed(client, err);
            } finally {
                // Only now has the cursor moved on: a short-poll tick that saw the poll finished
                // earlier would ask again from the old cursor and fetch the same messages twice.
                inFlight.compareAndSet(client, f, null);
            }
            after.accept(client, ok);
        });
    }

    private boolean failed(int client, Throwable err) {
        errors.incrementAndGet();
        recorder.error(client, LaneHttp.errorKind(err), LaneHttp.describe(err));
        return false;
    }

    private boolean answered(int client, HttpResponse<byte[]> resp) {
        long now = Clock.nowMicros();
        byte[] body = resp.body() == null ? new byte[0] : resp.body();
        int status = resp.statusCode();
        if (status != 200) {
            recorder.responseReceived(client, status, LaneHttp.responseBytes(resp, body.length), 0);
            errors.incrementAndGet();
            recorder.error(client, "http-" + status, new String(body, 0, Math.min(body.length, 200),
                    java.nio.charset.StandardCharsets.UTF_8));
            return false;
        }
        PollResult answer;
        try {
            answer = PollResult.parse(body);
        } catch (IOException e) {
            recorder.responseReceived(client, status, LaneHttp.responseBytes(resp, body.length), 0);
            errors.incrementAndGet();
            recorder.error(client, "bad-response", e.getMessage());
            return false;
        }
        recorder.responseReceived(client, status, LaneHttp.responseBytes(resp, body.length), answer.messages().size());
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
