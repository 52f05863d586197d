package io.connlab.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * The figures of one lane. Lanes report into it from their network threads through
 * {@link LaneRecorder} (counters are {@link LongAdder}s, latencies go into HdrHistogram
 * recorders, per-client seq tracking takes only that client's own small lock); the run tells it
 * what the publisher sent ({@link #published}); views and {@code bench} read it with
 * {@link #snapshot()}, which never stops the writers.
 *
 * <p>Who is expected to receive what: a client first seen (first connection, request or
 * delivery) before publishing starts is expected to receive every seq of the run; one first
 * seen later is expected to receive from the next seq published. Reconnecting does not move
 * that start, so what a client missed while away counts as lost. Clients 0..clients-1 never
 * seen at all count as having missed everything.
 *
 * <p>Pool lanes report {@link #invocation}s, one per published message: each one's round trip
 * goes into the pool figures (and stands in for delivery latency). Their messages are judged
 * as a whole, not per caller: expected is every settled message, delivered the successful
 * invocations, lost the failed and throttled ones; so the window, {@code bench} and the
 * reports show one set of figures under the same names.
 */
public final class LaneMetrics implements LaneRecorder {

    /** How long after publishing a message may take before it counts as lost in a live snapshot. */
    public static final Duration DEFAULT_LOSS_GRACE = Duration.ofSeconds(5);
    private static final long NONE = ClientSeqs.NONE;
    private static final int MAX_KEYS = 64;

    private final String lane;
    private final Technique technique;
    private final int clients;
    private final EventLog events;
    private final LongSupplier clock;
    private final long startedMicros;
    private final TimeSeries series;
    private final Object readLock = new Object();

    private final ClientLedger ledger;
    private final PublishedSeqs published;
    private volatile long graceMicros = DEFAULT_LOSS_GRACE.toNanos() / 1000;
    private volatile String bytesEstimatedHow;

    private final LongAdder delivered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder responses = new LongAdder();
    private final LongAdder emptyResponses = new LongAdder();
    private final LongAdder bytesUp = new LongAdder();
    private final LongAdder bytesDown = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder reconnectAttempts = new LongAdder();
    private final LongAdder connectedMicros = new LongAdder();
    private final LongAdder requestHeldMicros = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder gapMissed = new LongAdder();
    private final LongAdder foreign = new LongAdder();
    private final LongAdder foreignBytes = new LongAdder();
    private final Tally<Integer> closesByCode = new Tally<>(MAX_KEYS, Integer.MIN_VALUE);
    private final Tally<Integer> responsesByStatus = new Tally<>(MAX_KEYS, Integer.MIN_VALUE);
    private final Tally<String> errorsByKind = new Tally<>(MAX_KEYS, "other");
    private final LatencyRecorder latency = new LatencyRecorder();

    private final InvocationFigures pool = new InvocationFigures();

    /**
     * @param lane      the name shown for the lane ("WebSocket", "Pool: pooled", ...)
     * @param technique how it receives; decides the cost estimate
     * @param clients   the lane's clients, indices 0..clients-1
     * @param events    where notable events go (shared by the run's lanes), or null for none
     */
    public LaneMetrics(String lane, Technique technique, int clients, EventLog events) {
        this(lane, technique, clients, events, Clock::nowMicros, 600, Duration.ofSeconds(1));
    }

    /** As above, with the clock and time series shape given (tests use a hand-driven clock). */
    public LaneMetrics(String lane, Technique technique, int clients, EventLog events,
                       LongSupplier clockMicros, int seriesPoints, Duration seriesInterval) {
        this.ledger = new ClientLedger(clients);
        this.published = ledger.published();
        this.lane = lane;
        this.technique = technique;
        this.clients = clients;
        this.events = events;
        this.clock = clockMicros;
        this.startedMicros = clockMicros.getAsLong();
        this.series = new TimeSeries(seriesPoints, seriesInterval.toNanos() / 1000, startedMicros);
    }

    public String lane() {
        return lane;
    }

    public Technique technique() {
        return technique;
    }

    /** The per-interval history; it advances each time a snapshot is taken. */
    public TimeSeries timeSeries() {
        return series;
    }

    /** How long after publishing a message may take before a live snapshot counts it lost. */
    public void setLossGrace(Duration grace) {
        this.graceMicros = Math.max(0, grace.toNanos() / 1000);
    }

    // ---- the run's side ----

    /** The publisher sent {@code seq}; call before the message can arrive anywhere. */
    public void published(long seq, long sentAtMicros) {
        published.add(seq, sentAtMicros);
    }

    // ---- LaneRecorder: network threads ----

    @Override
    public void connectionOpened(int client) {
        ClientSeqs c = ledger.client(client);
        long now = clock.getAsLong();
        boolean again;
        synchronized (c) {
            again = c.everOpened;
            c.everOpened = true;
            if (c.openSinceMicros == NONE) {
                c.openSinceMicros = now;
            }
        }
        connectionsOpened.increment();
        if (again) {
            reconnects.increment();
        }
        event(client, EventLog.Kind.OPENED, again ? "connected again" : "connected", again);
    }

    @Override
    public void connectionClosed(int client, int code, String reason) {
        ClientSeqs c = ledger.client(client);
        long now = clock.getAsLong();
        synchronized (c) {
            if (c.openSinceMicros != NONE) {
                connectedMicros.add(Math.max(0, now - c.openSinceMicros));
                c.openSinceMicros = NONE;
            }
        }
        closesByCode.add(code);
        String why = reason == null ? "" : reason;
        event(client, EventLog.Kind.CLOSED, why.isEmpty() ? "closed " + code : "closed " + code + " " + why, code, why);
    }

    @Override
    public void reconnecting(int client, int attempt, long delayMillis) {
        ledger.client(client);
        reconnectAttempts.increment();
        event(client, EventLog.Kind.RECONNECTING, "reconnect attempt " + attempt + " in " + delayMillis + " ms", attempt, delayMillis);
    }

    @Override
    public void requestSent(int client, long bytes) {
        ClientSeqs c = ledger.client(client);
        long now = clock.getAsLong();
        synchronized (c) {
            c.requestSentMicros = now;
        }
        requests.increment();
        bytesUp.add(Math.max(0, bytes));
    }

    @Override
    public void responseReceived(int client, int status, long bytes, int messages) {
        responses.increment();
        bytesDown.add(Math.max(0, bytes));
        if (status <= 0) {
            return; // a WebSocket frame: no request is held for it
        }
        responsesByStatus.add(status);
        // "empty" is a polling idea: a function's answer carries no messages by design
        if (status >= 200 && status < 300 && messages == 0 && !technique.isPool()) {
            emptyResponses.increment();
        }
        ClientSeqs c = ledger.client(client);
        long now = clock.getAsLong();
        synchronized (c) {
            if (c.requestSentMicros != NONE) {
                requestHeldMicros.add(Math.max(0, now - c.requestSentMicros));
                c.requestSentMicros = NONE;
            }
        }
    }

    @Override
    public void delivered(int client, long seq, long sentAtMicros, long receivedAtMicros) {
        ClientSeqs c = ledger.client(client);
        ClientSeqs.Outcome outcome;
        synchronized (c) {
            outcome = c.deliver(seq, published.first());
        }
        if (outcome == ClientSeqs.Outcome.DUPLICATE) {
            duplicates.increment();
            return;
        }
        delivered.increment();
        latency.recordMicros(receivedAtMicros - sentAtMicros);
    }

    @Override
    public void foreign(int client, long bytes) {
        foreign.increment();
        foreignBytes.add(Math.max(0, bytes));
    }

    @Override
    public void gap(int client, long missed) {
        gaps.increment();
        if (missed > 0) {
            gapMissed.add(missed);
        }
        event(client, EventLog.Kind.GAP, missed >= 0 ? "server says " + missed + " messages missed" : "server says messages were missed", missed);
    }

    @Override
    public void error(int client, String kind, String detail) {
        String k = kind == null || kind.isBlank() ? "unknown" : kind;
        errorsByKind.add(k);
        event(client, EventLog.Kind.ERROR, detail == null || detail.isEmpty() ? k : k + ": " + detail);
    }

    @Override
    public void invocation(int client, Invocation r) {
        if (r == null) {
            error(client, "invocation", "no result");
            return;
        }
        pool.record(r);
        if (r.coldStart()) {
            event(client, EventLog.Kind.COLD_START, "cold start of " + r.container(), String.valueOf(r.container()));
        }
        if (r.failed()) {
            error(client, r.errorKind() == null ? "invocation" : r.errorKind(), r.error());
        }
    }

    @Override
    public void throttled() {
        pool.throttled();
    }

    @Override
    public void bytesEstimated(String how) {
        this.bytesEstimatedHow = how == null || how.isBlank() ? "estimated" : how;
    }

    // ---- reader side ----

    /** Every figure now; loss judged for seqs published at least the loss grace ago. */
    public LaneSnapshot snapshot() {
        long now = clock.getAsLong();
        return take(now, published.settledAt(now - graceMicros));
    }

    /** Every figure now, with every seq up to {@code settledUpTo} judged (at the end of a run: the last seq). */
    public LaneSnapshot snapshot(long settledUpTo) {
        return take(clock.getAsLong(), settledUpTo);
    }

    /** At the end of a run, once deliveries had time to drain: every published seq judged. */
    public LaneSnapshot finalSnapshot() {
        long last = published.last();
        return take(clock.getAsLong(), last == NONE ? NONE : last);
    }

    private LaneSnapshot take(long now, long settled) {
        synchronized (readLock) {
            Histogram latencyInterval = latency.drain();
            Histogram roundTripInterval = pool.drain();
            boolean poolSeries = technique != null && technique.isPool() && delivered.sum() == 0;
            series.offer(now, poolSeries ? pool.succeeded() : delivered.sum(),
                    poolSeries ? roundTripInterval : latencyInterval);

            // a pool lane that reports no deliveries receives no seqs: nothing of the stream is judged lost
            long first = poolSeries ? NONE : published.first();
            ClientLedger.Judgement judged = ledger.judge(now, settled, first);
            long expected = judged.expected();
            long deliveredNow = delivered.sum();
            long lost = judged.lost();
            if (poolSeries) { // one message, one invocation: judged for the lane as a whole
                long from = published.first();
                expected = from == NONE || settled == NONE || settled < from ? 0 : settled - from + 1;
                deliveredNow = pool.succeeded();
                lost = pool.failedCount() + pool.throttledCount();
            }
            return new LaneSnapshot(lane, technique, now, now - startedMicros, clients,
                    published.count(), settled == NONE ? (first == NONE ? -1 : first - 1) : settled,
                    expected, deliveredNow, duplicates.sum(), lost,
                    latency.summary(),
                    requests.sum(), responses.sum(), emptyResponses.sum(), responsesByStatus.copy(),
                    connectionsOpened.sum(), judged.open(), closesByCode.copy(),
                    reconnects.sum(), reconnectAttempts.sum(),
                    (connectedMicros.sum() + judged.connectedMicros()) / 60_000_000.0,
                    gaps.sum(), gapMissed.sum(), foreign.sum(), foreignBytes.sum(),
                    errorsByKind.total(), errorsByKind.copy(),
                    bytesUp.sum(), bytesDown.sum(), bytesEstimatedHow,
                    requestHeldMicros.sum() / 1000.0,
                    pool.snapshot());
        }
    }

    private void event(int client, EventLog.Kind kind, String text, Object... args) {
        if (events != null) {
            events.add(lane, technique, client, kind, text, java.util.Arrays.asList(args));
        }
    }

    @Override
    public String toString() {
        return "LaneMetrics[" + lane + "]";
    }
}
