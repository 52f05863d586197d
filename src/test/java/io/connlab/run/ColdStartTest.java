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
    void aSteadySingleCallerHasExactlyOneColdStart() throws Exception {
        EndpointProfile profile = backend.profile();
        RunSettings settings = MockRuns.settings(10, Duration.ofMillis(1500), 1, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.POOL_POOLED, Technique.POOL_UNPOOLED, Technique.POOL_PROXY);
        try (RunController run = MockRuns.runToEnd(profile, settings)) {
            for (LaneSnapshot s : run.finalSnapshots().values()) {
                String figures = figures(s);
                assertTrue(s.pool().invocations() > 1, figures);
                assertEquals(0, s.pool().failed(), figures);
                assertEquals(1, s.pool().containers(), figures);
                assertEquals(1, s.pool().coldStarts(), figures);
            }
        }
    }

    /**
     * Four callers at a rate that keeps them all busy: the first four invocations each wait out a
     * cold start (300 ms) at the same time, so several containers start (four, unless the machine
     * stalls for longer than a cold start), and no more than four invocations are ever in flight,
     * so no fifth is needed.
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
                assertTrue(s.pool().containers() > 1 && s.pool().containers() <= callers, figures);
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
