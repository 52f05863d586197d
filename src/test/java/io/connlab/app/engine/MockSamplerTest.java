package io.connlab.app.engine;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.fixtures.InProcessMock;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The sampler that feeds the pool picture, against the real mock's admin API. */
class MockSamplerTest {
    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults().withDbMaxConnections(7));

    @Test
    void itReadsTheDatabaseFiguresAndKeepsTheLastSampleWhenTheMockIsGone() {
        try (MockSampler sampler = new MockSampler()) {
            assertSame(MockSampler.Sample.NONE, sampler.latest(), "nothing watched yet");
            sampler.watch(new MockAdminClient(backend.profile()));
            await().atMost(Duration.ofSeconds(10)).until(() -> sampler.latest().dbMaxConnections() == 7);
            MockSampler.Sample seen = sampler.latest();
            assertEquals(0, seen.dbRefused());
            assertEquals(0, sampler.lastRefusalMicros(), "no refusal seen");

            backend.mock().close();
            // two more sampling periods against a closed port: the last sample stays
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> sampler.latest().dbMaxConnections() == 7);
        }
    }
}
