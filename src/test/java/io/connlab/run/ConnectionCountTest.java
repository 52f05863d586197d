package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebSocket keeps one connection per user for the whole run; polling pays a request for every answer. */
class ConnectionCountTest {
    static final int CLIENTS = 3;

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    @Test
    void webSocketOpensOneConnectionPerClientWherePollingMakesManyRequests() throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(20, Duration.ofSeconds(2), CLIENTS, PublishPath.SNS,
                Duration.ofMillis(100), Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            LaneSnapshot ws = MockRuns.last(run, Technique.WEBSOCKET);
            LaneSnapshot longPoll = MockRuns.last(run, Technique.LONG_POLL);
            LaneSnapshot shortPoll = MockRuns.last(run, Technique.SHORT_POLL);
            String figures = MockRuns.describe(run.finalSnapshots().values().stream().toList());
            long expected = run.published() * CLIENTS;

            for (LaneSnapshot s : run.finalSnapshots().values()) {
                assertEquals(expected, s.delivered(), figures);
                assertEquals(0, s.lost(), figures);
            }
            // One handshake per user and nothing else asked: the server pushed every message.
            assertEquals(CLIENTS, ws.connectionsOpened(), figures);
            assertEquals(0, ws.reconnects(), figures);
            assertEquals(CLIENTS, ws.requests(), figures);
            // Every poll answer costs a request; a long poll re-asks after each one.
            assertTrue(longPoll.requests() >= 5L * CLIENTS, figures);
            assertTrue(shortPoll.requests() >= 5L * CLIENTS, figures);
            assertTrue(longPoll.requests() > ws.requests() && shortPoll.requests() > ws.requests(), figures);
            assertTrue(shortPoll.emptyResponses() > 0, figures);
        }
    }
}
