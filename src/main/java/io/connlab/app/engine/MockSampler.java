package io.connlab.app.engine;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.thread.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the mock's containers and database figures twice a second on a background thread, so
 * the pool picture (drawn on the FX thread) only ever reads the latest copy.
 */
final class MockSampler implements AutoCloseable {
    /** What the last sample saw; {@code dbRefused} counts refusals since the mock started. */
    record Sample(List<MockAdminClient.Container> containers, int dbConnections, int dbMaxConnections, long dbRefused) {
        static final Sample NONE = new Sample(List.of(), 0, 0, 0);
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.factory("mock-sampler"));
    private volatile MockAdminClient admin;
    private volatile Sample latest = Sample.NONE;
    private volatile long lastRefusalChangeMicros;

    MockSampler() {
        timer.scheduleWithFixedDelay(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    void watch(MockAdminClient client) {
        admin = client;
        latest = Sample.NONE;
    }

    Sample latest() {
        return latest;
    }

    /** When the database last refused a connection (Clock micros), 0 if not seen. */
    long lastRefusalMicros() {
        return lastRefusalChangeMicros;
    }

    private void sample() {
        MockAdminClient a = admin;
        if (a == null) return;
        try {
            JsonNode status = a.status();
            Sample next = new Sample(a.containers(), status.path("dbConnections").asInt(),
                    status.path("dbMaxConnections").asInt(), status.path("dbRefused").asLong());
            if (next.dbRefused() > latest.dbRefused()) lastRefusalChangeMicros = io.connlab.metrics.Clock.nowMicros();
            latest = next;
        } catch (Exception unreachable) {
            // restarting or gone: keep showing the last sample
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
