package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bugs this pins (0446ad0, e8f6a9c): long-poll clients lost messages across cut-offs (they
 * learnt their cursor too late, and the run settled while they were still in backoff), and a
 * run could publish message 1 before a client's first poll reached the mock (lost 3 of 183).
 * Every held poll is cut mid-run; each client backs off and asks again from its cursor, and
 * the server still has what was published meanwhile, so nothing is lost.
 */
class LongPollLostMessagesAcrossCutOffsTest {
    static final int CLIENTS = 3;

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults().withNetwork(20, 0));

    @Test
    void longPollingLosesNothingAcrossABackendCutOff() throws Exception {
        MockBackend mock = backend.mock();
        EndpointProfile profile = backend.profile();
        // Publish over the WebSocket listener, so cutting the http listener cuts only the pollers.
        RunSettings settings = MockRuns.settings(20, Duration.ofSeconds(3), CLIENTS, PublishPath.WEBSOCKET,
                Duration.ofMillis(100), Technique.LONG_POLL);
        try (RunController run = new RunController(profile, settings)) {
            RunLane lane = MockRuns.startUntilDelivered(run, Technique.LONG_POLL, 5L * CLIENTS);
            long deliveredBefore = lane.snapshot().delivered();

            long acceptedBefore = MockRuns.adminStatus(profile).path("edges").path("http").path("accepted").asLong();
            int status = MockRuns.adminPost(profile, "drop?listener=http");
            assertTrue(status == 200 || status == -1, "drop answered " + status);
            // Every held poll was reset. The lane may see the error and back off, or the JDK's client
            // may resend the GET at once (it retries idempotent requests on a dropped connection):
            // either way each client comes back on a new connection and resumes from its cursor.
            // Counted at the mock's edge: the pollers' new connections (the drop spares the admin
            // request's own connection).
            await().atMost(Duration.ofSeconds(10)).until(() -> MockRuns.adminStatus(profile)
                    .path("edges").path("http").path("accepted").asLong() - acceptedBefore >= CLIENTS);
            await().atMost(Duration.ofSeconds(10)).until(() -> lane.snapshot().delivered() > deliveredBefore + CLIENTS);
            assertEquals(RunController.Phase.RUNNING, run.phase(), "the cut-off happened mid-run");

            assertTrue(run.awaitEnd(MockRuns.RUN_BOUND));
            assertEquals(RunController.Phase.FINISHED, run.phase());
            LaneSnapshot s = MockRuns.last(run, Technique.LONG_POLL);
            String figures = MockRuns.describe(java.util.List.of(s)) + ", published " + run.published()
                    + ", publish failures " + run.publishFailures();

            assertEquals(0, run.publishFailures(), figures);
            assertEquals(0, s.lost(), figures);
            assertEquals(0, s.gaps(), figures);
            assertEquals(run.published() * CLIENTS, s.delivered(), figures);
        }
    }
}
