package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database with {@code max_connections} 5 and more concurrent callers than that. Opening a
 * connection per invocation runs into the limit and gets PostgreSQL's 53300 refusal; the
 * proxy's shared pool serves the same callers through a few connections; a per-container pool's
 * container (one connection each) is refused only when it is one past the limit.
 *
 * <p>Why this is not a matter of luck: the added RTT makes every unpooled connect and query take
 * several round trips, so each invocation holds its connection for hundreds of milliseconds while
 * 20 callers keep invoking at 100/s: far more than 5 connections are wanted at once, all run long.
 */
class PoolLimitsTest {
    static final int MAX_CONNECTIONS = 5;
    static final int CALLERS = 20;
    static final int RTT_MS = 50;

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults().withDbMaxConnections(MAX_CONNECTIONS).withNetwork(RTT_MS, 0));

    @Test
    void unpooledInvocationsPastMaxConnectionsFailWithTheDatabasesError() throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(100, Duration.ofSeconds(2), CALLERS, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.POOL_UNPOOLED);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            LaneSnapshot s = MockRuns.last(run, Technique.POOL_UNPOOLED);
            String figures = figures(s);

            assertTrue(s.pool().failed() > 0, figures);
            assertTrue(s.errorsByKind().getOrDefault("db-too-many-clients", 0L) > 0, figures);
            assertEquals(s.pool().failed(), s.errorsByKind().get("db-too-many-clients"), "no other kind of failure: " + figures);
            assertTrue(s.pool().succeeded() > 0, "the ones within the limit still work: " + figures);
            assertTrue(s.pool().dbConnectionsMax() <= MAX_CONNECTIONS, figures);
            assertEquals(MAX_CONNECTIONS, s.pool().dbMaxConnections(), figures);
        }
    }

    @Test
    void theProxysSharedPoolServesMoreCallersThanMaxConnectionsWithoutAnError() throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(100, Duration.ofSeconds(2), CALLERS, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.POOL_PROXY);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            LaneSnapshot s = MockRuns.last(run, Technique.POOL_PROXY);
            String figures = figures(s);

            assertEquals(0, s.pool().failed(), figures);
            assertEquals(0, s.errors(), figures);
            // more invocations at once (one container each) than the database allows, all served
            assertTrue(s.pool().containers() > MAX_CONNECTIONS, figures);
            assertTrue(s.pool().succeeded() > MAX_CONNECTIONS, figures);
            assertTrue(s.pool().dbConnectionsMax() <= MAX_CONNECTIONS, figures);
        }
    }

    @Test
    void pooledContainersWithinMaxConnectionsDoNotFail() throws Exception {
        EndpointProfile profile = backend.profile();
        // Each pooled container keeps its one connection for the whole run, so the database refuses
        // exactly the containers past MAX_CONNECTIONS, at their cold start, and nothing else. How many
        // containers there are is the load's business, not the test's: the run's callers are capped at
        // max(20, clients), and a cold start (300 ms init, a pool, a connect at 50 ms RTT) takes 0.4 s
        // on an idle machine but 1.0-1.4 s at load 8, when 5/s keeps 6-11 invocations in flight.
        RunSettings settings = MockRuns.settings(5, Duration.ofSeconds(3), MAX_CONNECTIONS, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.POOL_POOLED);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            LaneSnapshot s = MockRuns.last(run, Technique.POOL_POOLED);
            String figures = figures(s);

            long pastTheLimit = Math.max(0, s.pool().containers() - MAX_CONNECTIONS);
            assertEquals(pastTheLimit, s.pool().failed(), "only containers past max_connections fail: " + figures);
            assertEquals(s.pool().failed(), s.errors(), figures);
            assertEquals(s.pool().failed(), s.errorsByKind().getOrDefault("db-too-many-clients", 0L),
                    "no other kind of failure: " + figures);
            assertEquals(s.pool().containers(), s.pool().coldStarts(), "one cold start per container, warm ones never fail: " + figures);
            assertTrue(s.pool().succeeded() > MAX_CONNECTIONS, "warm containers keep serving: " + figures);
            assertTrue(s.pool().dbConnectionsMax() <= MAX_CONNECTIONS, figures);
        }
    }

    private static String figures(LaneSnapshot s) {
        return MockRuns.describe(List.of(s)) + ", invocations " + s.pool().invocations() + ", failed " + s.pool().failed()
                + ", containers " + s.pool().containers() + ", cold " + s.pool().coldStarts()
                + ", db max seen " + s.pool().dbConnectionsMax() + "/" + s.pool().dbMaxConnections();
    }
}
