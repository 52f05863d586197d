package io.connlab.app.engine;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import io.connlab.run.PublishPath;
import io.connlab.run.RunController;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.LaneFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the window's columns and table read from a run on the real mock, refreshed off the FX thread. */
class RunFeedsTest {
    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    @Test
    void aRunsFiguresReachTheColumnsAndTheTableInTheWindowsWords() throws Exception {
        RunSettings settings = new RunSettings(20, 128, Duration.ofSeconds(30), 2,
                EnumSet.of(Technique.WEBSOCKET, Technique.SHORT_POLL, Technique.POOL_POOLED), PublishPath.SNS,
                Duration.ofMillis(200), Duration.ofSeconds(10));
        try (RunController run = new RunController(backend.profile(), settings);
             MockSampler sampler = new MockSampler()) {
            sampler.watch(new MockAdminClient(backend.profile()));
            RunFeeds feeds = new RunFeeds(run, sampler);
            try (feeds) {
                assertEquals(LaneState.IDLE, feeds.lane(Technique.LONG_POLL).figures().state(), "not in this run");
                run.start();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    LaneFigures ws = feeds.lane(Technique.WEBSOCKET).figures();
                    assertTrue(ws.delivered() > 0, "delivered " + ws.delivered());
                    assertEquals("2 open", ws.detail());
                    assertEquals(LaneState.POLLING, feeds.lane(Technique.SHORT_POLL).figures().state(),
                            "a short poll lane between its polls says it is polling");
                    assertFalse(feeds.lane(Technique.POOL_POOLED).figures().pool().containers().isEmpty(),
                            "the pool picture shows the mock's containers");
                });
                List<Comparison.Row> rows = feeds.comparison();
                assertEquals("delivered", rows.get(0).label());
                assertEquals(List.of(Technique.WEBSOCKET, Technique.SHORT_POLL, Technique.POOL_POOLED), rows.get(0).lanes());
                assertTrue(feeds.problem().isEmpty());
            }
            LaneFigures last = feeds.lane(Technique.WEBSOCKET).figures();
            assertTrue(last.delivered() > 0, "closed: the last figures stay readable");
        }
    }

    @Test
    void inAChineseWindowTheLanesDetailsAreChinese() throws Exception {
        String before = io.connlab.ui.model.I18n.language();
        io.connlab.ui.model.I18n.use("zh");
        RunSettings settings = new RunSettings(20, 128, Duration.ofSeconds(30), 2,
                EnumSet.of(Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL, Technique.POOL_PROXY),
                PublishPath.SNS, Duration.ofMillis(1000), Duration.ofSeconds(10));
        try (RunController run = new RunController(backend.profile(), settings);
             MockSampler sampler = new MockSampler()) {
            sampler.watch(new MockAdminClient(backend.profile()));
            try (RunFeeds feeds = new RunFeeds(run, sampler)) {
                run.start();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertEquals("2 个连接", feeds.lane(Technique.WEBSOCKET).figures().detail());
                    assertEquals("等待 10 秒", feeds.lane(Technique.LONG_POLL).figures().detail());
                    assertEquals("每 1 秒", feeds.lane(Technique.SHORT_POLL).figures().detail());
                    assertTrue(feeds.lane(Technique.POOL_PROXY).figures().detail().matches("\\d+ 个容器"),
                            feeds.lane(Technique.POOL_PROXY).figures().detail());
                });
            }
        } finally {
            io.connlab.ui.model.I18n.use(before);
        }
    }
}
