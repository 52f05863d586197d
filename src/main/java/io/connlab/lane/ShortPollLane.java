package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneRecorder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short polling, the baseline long polling improves on: every interval each client asks
 * {@code poll?cursor=C&wait=0} and gets an answer at once, mostly empty. A client whose
 * previous request is still out skips the tick (counted) rather than piling requests up.
 */
public final class ShortPollLane extends PollingLane {

    /**
     * @param clients        simulated users
     * @param runId          the run whose messages count as delivered
     * @param interval       time between one client's polls (default 1 s)
     * @param connectTimeout TCP connect timeout; a request also times out after max(interval, 10 s)
     */
    public record Settings(int clients, String runId, Duration interval, Duration connectTimeout) {
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

        public Settings {
            if (interval == null || interval.toMillis() < 1) throw new IllegalArgumentException("short poll interval must be >= 1 ms");
            if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
        }

        public static Settings of(String runId, int clients) {
            return new Settings(clients, runId, DEFAULT_INTERVAL, Duration.ofSeconds(10));
        }

        public Settings withInterval(Duration i) {
            return new Settings(clients, runId, i, connectTimeout);
        }
    }

    private final Settings settings;
    private final Duration requestTimeout;
    private final AtomicLong skippedTicks = new AtomicLong();

    public ShortPollLane(EndpointProfile profile, Settings settings, LaneRecorder recorder) {
        this(profile.pollUrl(), settings, recorder);
    }

    public ShortPollLane(String pollUrl, Settings settings, LaneRecorder recorder) {
        super("Short poll", pollUrl, settings.runId(), settings.clients(), settings.connectTimeout(), recorder);
        this.settings = settings;
        this.requestTimeout = settings.interval().compareTo(Duration.ofSeconds(10)) > 0 ? settings.interval() : Duration.ofSeconds(10);
    }

    public Settings settings() {
        return settings;
    }

    /** Ticks skipped because the client's previous poll had not come back yet. */
    public long skippedTicks() {
        return skippedTicks.get();
    }

    @Override
    LaneState steadyState() {
        return LaneState.OPEN;
    }

    @Override
    void begin() {
        long periodMicros = settings.interval().toNanos() / 1000;
        for (int i = 0; i < clients; i++) {
            int client = i;
            // spread the clients over the interval so a thousand do not poll in the same millisecond
            long phase = periodMicros * i / clients;
            timer.scheduleAtFixedRate(() -> tick(client), phase, periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    private void tick(int client) {
        if (stopped) return;
        if (inFlight.get(client) != 0) {
            skippedTicks.incrementAndGet();
            return;
        }
        poll(client, "0", requestTimeout, this::afterPoll);
    }

    private void afterPoll(int client, boolean ok) {
        // the next tick is the retry: the interval is already a steady backoff
        states.set(client, ok ? LaneState.OPEN : LaneState.RECONNECTING);
    }
}
