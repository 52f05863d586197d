package io.connlab.run;

import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.Comparison;
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
 * Every lane gets the same messages: a pool lane calls the function once per published message
 * (none silently skipped), and its delivered/expected/lost are the same figures in the snapshot
 * the JSON report writes and in the comparison table the window and bench show.
 */
class PoolLanesInvokeOncePerMessageTest {

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    @Test
    void eachMessageIsOneInvocationOrOneThrottledCall() throws Exception {
        RunSettings settings = MockRuns.settings(20, Duration.ofSeconds(2), 1, PublishPath.SNS,
                Duration.ofSeconds(1), Technique.POOL_POOLED, Technique.POOL_UNPOOLED);
        try (RunController run = MockRuns.runToEnd(backend.profile(), settings)) {
            long published = run.published();
            assertEquals(40, published, "2 s at 20/s");
            for (Technique t : List.of(Technique.POOL_POOLED, Technique.POOL_UNPOOLED)) {
                LaneSnapshot s = MockRuns.last(run, t);
                String figures = MockRuns.describe(List.of(s)) + ", throttled " + s.pool().throttled();
                assertEquals(published, s.pool().invocations() + s.pool().throttled(), figures);
                assertEquals(published, s.expected(), figures);
                assertEquals(s.pool().succeeded(), s.delivered(), figures);
                assertEquals(s.expected(), s.delivered() + s.lost(), figures);
            }
            Comparison table = Comparison.of(List.copyOf(run.finalSnapshots().values()));
            Comparison.Row delivered = table.rows().stream().filter(r -> r.label().equals("delivered")).findFirst().orElseThrow();
            Comparison.Row throttled = table.rows().stream().filter(r -> r.label().equals("throttled")).findFirst().orElseThrow();
            assertEquals(String.valueOf(run.finalSnapshots().get(Technique.POOL_POOLED).delivered()),
                    delivered.cell(Technique.POOL_POOLED).replace(",", ""));
            assertTrue(throttled.cell(Technique.POOL_UNPOOLED).matches("\\d+"), throttled.toString());
        }
    }
}
