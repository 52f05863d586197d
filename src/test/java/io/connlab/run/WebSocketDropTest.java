package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.fixtures.InProcessMock;
import io.connlab.lane.WebSocketLane;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forced drop of every WebSocket mid-run: each user reconnects, and what the gateway pushed
 * while it was away is gone for good (API Gateway does not replay), so it counts as lost.
 */
class WebSocketDropTest {
    static final int CLIENTS = 2;
    /** The reconnect's handshake pays a round trip, so some messages are certainly published while away. */
    static final int RTT_MS = 100;

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults().withNetwork(RTT_MS, 0));

    @Test
    void aDroppedWebSocketReconnectsAndCountsWhatItMissedAsLost() throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(20, Duration.ofSeconds(3), CLIENTS, PublishPath.SNS,
                Duration.ofMillis(100), Technique.WEBSOCKET);
        try (RunController run = new RunController(profile, settings)) {
            RunLane lane = MockRuns.startUntilDelivered(run, Technique.WEBSOCKET, 5L * CLIENTS);

            assertEquals(200, MockRuns.adminPost(profile, "drop?listener=websocket"));
            await().atMost(Duration.ofSeconds(10)).until(() -> lane.snapshot().reconnects() >= CLIENTS);
            assertEquals(RunController.Phase.RUNNING, run.phase(), "the drop and reconnect happened mid-run");

            assertTrue(run.awaitEnd(MockRuns.RUN_BOUND));
            assertEquals(RunController.Phase.FINISHED, run.phase());
            LaneSnapshot s = MockRuns.last(run, Technique.WEBSOCKET);
            String figures = MockRuns.describe(java.util.List.of(s)) + ", published " + run.published()
                    + ", closes " + s.closesByCode();
            WebSocketLane ws = (WebSocketLane) lane.lane();

            assertTrue(s.reconnects() >= CLIENTS, figures);
            assertEquals(2L * CLIENTS, s.connectionsOpened(), figures);
            assertTrue(s.closesByCode().getOrDefault(1006, 0L) >= CLIENTS, figures);
            assertTrue(s.lost() > 0, figures);
            assertTrue(ws.missedWhileAway() > 0, figures);
            // Every published message was either delivered once or lost: none came back later.
            assertEquals(0, s.duplicates(), figures);
            assertEquals(run.published() * CLIENTS, s.delivered() + s.lost(), figures);
            assertEquals(run.published() * CLIENTS, s.expected(), figures);
        }
    }
}
