package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneRecorder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Long polling: each client asks {@code poll?cursor=C&wait=W}; the server holds the request
 * until a message arrives or W passes, and the client asks again at once with the cursor
 * it got back, so nothing is missed while a message is still in the server's window.
 * After a 504 (wait past the integration timeout) or a connection error it backs off
 * (exponential, full jitter) and resumes from the same cursor.
 */
public final class LongPollLane extends PollingLane {

    /**
     * @param clients        simulated users, each with its own poll loop
     * @param runId          the run whose messages count as delivered; others are foreign
     * @param pollWait       how long the server may hold a poll; keep it under the gateway's
     *                       integration timeout (29 s, divided by the mock's time scale)
     * @param backoff        wait before retrying after an error
     * @param connectTimeout TCP connect timeout
     */
    public record Settings(int clients, String runId, Duration pollWait, Backoff backoff, Duration connectTimeout) {
        public static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

        public Settings {
            if (pollWait == null || pollWait.isNegative()) throw new IllegalArgumentException("long poll wait must be >= 0");
            if (backoff == null) backoff = Backoff.DEFAULT;
            if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
        }

        public static Settings of(String runId, int clients) {
            return new Settings(clients, runId, DEFAULT_WAIT, Backoff.DEFAULT, Duration.ofSeconds(10));
        }

        public Settings withWait(Duration w) {
            return new Settings(clients, runId, w, backoff, connectTimeout);
        }

        public Settings withBackoff(Backoff b) {
            return new Settings(clients, runId, pollWait, b, connectTimeout);
        }
    }

    private final Settings settings;
    private final String waitParam;
    private final Duration requestTimeout;
    private final AtomicIntegerArray attempts;

    public LongPollLane(EndpointProfile profile, Settings settings, LaneRecorder recorder) {
        this(profile.pollUrl(), settings, recorder);
    }

    public LongPollLane(String pollUrl, Settings settings, LaneRecorder recorder) {
        super("Long poll", pollUrl, settings.runId(), settings.clients(), settings.connectTimeout(), recorder);
        this.settings = settings;
        this.waitParam = waitParam(settings.pollWait());
        // the server answers after `wait`; give it that plus room for RTT and a slow moment
        this.requestTimeout = settings.pollWait().plus(Duration.ofSeconds(10));
        this.attempts = new AtomicIntegerArray(settings.clients());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    LaneState steadyState() {
        return LaneState.HOLDING;
    }

    @Override
    void begin() {
        for (int i = 0; i < clients; i++) next(i);
    }

    private void next(int client) {
        if (stopped) return;
        // HTTP does not say when the server starts holding; a poll out counts as held
        // once the client knows its cursor. Before that it is still connecting: a run that began
        // publishing then would see its first messages fall before the client's "now".
        // A retry stays "reconnecting" until a poll succeeds, as the other lanes do: flipping back to
        // connecting while each retry is out made a lane whose server is down flicker between the two.
        states.set(client, attempts.get(client) > 0 ? LaneState.RECONNECTING
                : cursor(client) == NO_CURSOR ? LaneState.CONNECTING : LaneState.HOLDING);
        poll(client, waitParam, requestTimeout, this::afterPoll);
    }

    private void afterPoll(int client, boolean ok) {
        if (ok) {
            attempts.set(client, 0);
            next(client);
            return;
        }
        int attempt = attempts.incrementAndGet(client);
        long delay = settings.backoff().delayMillis(attempt);
        states.set(client, LaneState.RECONNECTING);
        recorder.reconnecting(client, attempt, delay);
        try {
            timer.schedule(() -> next(client), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // stop() shut the timer down
        }
    }
}
