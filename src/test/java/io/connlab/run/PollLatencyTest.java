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

/** With added round-trip time, short polling waits for its next poll while long polling is answered at once. */
class PollLatencyTest {
    static final int RTT_MS = 100;

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults().withNetwork(RTT_MS, 0));

    @Test
    void shortPollingsMedianLatencyExceedsLongPollings() throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(10, Duration.ofSeconds(2), 2, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.LONG_POLL, Technique.SHORT_POLL);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            LaneSnapshot longPoll = MockRuns.last(run, Technique.LONG_POLL);
            LaneSnapshot shortPoll = MockRuns.last(run, Technique.SHORT_POLL);
            String figures = MockRuns.describe(run.finalSnapshots().values().stream().toList());

            long published = run.published();
            assertTrue(published > 0, figures);
            assertEquals(published * 2, longPoll.delivered(), figures);
            assertEquals(published * 2, shortPoll.delivered(), figures);
            // A message crosses the edge twice (publish in, poll answer out): at least one RTT, whichever lane.
            assertTrue(longPoll.latency().p50() >= RTT_MS * 0.95, figures);
            assertTrue(shortPoll.latency().p50() > longPoll.latency().p50(), figures);
        }
    }
}
