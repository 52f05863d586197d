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

/** A container pays its cold start once; every later invocation it serves is warm. */
class ColdStartTest {

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    @Test
    void aSlowSteadyStreamReusesItsWarmContainer() throws Exception {
        EndpointProfile profile = backend.profile();
        // one message a second: each invocation ends (a 300 ms cold start, then warm ones) long before the
        // next, so one container serves them all (a second only if the machine stalls the first past a second)
        RunSettings settings = MockRuns.settings(1, Duration.ofSeconds(4), 1, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.POOL_POOLED, Technique.POOL_UNPOOLED, Technique.POOL_PROXY);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            for (LaneSnapshot s : run.finalSnapshots().values()) {
                String figures = figures(s);
                assertTrue(s.pool().invocations() > 1, figures);
                assertEquals(0, s.pool().failed(), figures);
                assertTrue(s.pool().containers() <= 2, figures);
                assertEquals(s.pool().containers(), s.pool().coldStarts(), "one cold start per container: " + figures);
                assertTrue(s.pool().invocations() > s.pool().coldStarts(), "warm invocations follow: " + figures);
            }
        }
    }

    /**
     * 50 messages a second, one invocation each: the invocations that arrive while the first
     * containers wait out their cold start (300 ms) need containers of their own, as an
     * SNS-triggered function scales out, up to the lane's cap on callers; each container has
     * exactly one cold start, and warm invocations follow.
     */
    @Test
    void coldStartsAppearOncePerContainer() throws Exception {
        int callers = 4;
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(50, Duration.ofMillis(1500), callers, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.POOL_POOLED, Technique.POOL_UNPOOLED, Technique.POOL_PROXY);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            for (LaneSnapshot s : run.finalSnapshots().values()) {
                String figures = figures(s);
                assertEquals(0, s.pool().failed(), figures);
                assertTrue(s.pool().containers() > 1 && s.pool().containers() <= Lanes.poolCallerCap(callers), figures);
                assertEquals(s.pool().containers(), s.pool().coldStarts(), figures);
                assertTrue(s.pool().invocations() > s.pool().coldStarts(), "warm invocations follow: " + figures);
            }
        }
    }

    private static String figures(LaneSnapshot s) {
        return MockRuns.describe(List.of(s)) + ", invocations " + s.pool().invocations() + ", failed "
                + s.pool().failed() + ", containers " + s.pool().containers() + ", cold " + s.pool().coldStarts();
    }
}
