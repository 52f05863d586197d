package io.connlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Hand-worked examples at {@link Prices#US_EAST_1_2026}; the arithmetic is in the comments. */
class CostModelTest {
    private static final double CENT_FRACTION = 1e-9;
    private final CostModel model = new CostModel(Prices.US_EAST_1_2026);

    private static double dollars(CostModel.Estimate e, String item) {
        return e.lines().stream().filter(l -> l.item().equals(item)).mapToDouble(CostModel.Line::dollars).sum();
    }

    @Test
    void longPollsPayForTheTimeTheyHoldTheirFunction() {
        // 2,000,000 polls of 1 KB each way delivering 1,000,000 messages, each poll held 10 s
        // at 128 MB, and 10,000 SNS publishes of 256 B:
        //   HTTP API      2,000,000 x 1 unit (1 KB < 512 KB) / 1e6 x $1.00      = $2.00
        //   Lambda req    2,000,000 / 1e6 x $0.20                                = $0.40
        //   Lambda GB-s   2e6 x 10,000 ms = 2e10 ms = 2e7 s x 0.125 GB = 2.5e6 GB-s
        //                 x $0.0000166667                                        = $41.666750
        //   SNS           10,000 x 1 unit / 1e6 x $0.50                          = $0.005
        //   total $44.071750 for 1,000,000 delivered -> $44.07175 per million
        CostModel.Estimate e = model.estimate(new CostModel.Usage(1_000_000, 0, 0, 0,
                2_000_000, 2048, 2_000_000, 2e10, 128, 10_000, 256, 0));
        assertEquals(2.00, dollars(e, "HTTP API requests"), CENT_FRACTION);
        assertEquals(0.40, dollars(e, "Lambda requests"), CENT_FRACTION);
        assertEquals(41.66675, dollars(e, "Lambda duration"), CENT_FRACTION);
        assertEquals(0.005, dollars(e, "SNS publishes"), CENT_FRACTION);
        assertEquals(44.07175, e.dollars(), CENT_FRACTION);
        assertEquals(44.07175, e.perMillionDelivered(), CENT_FRACTION);
    }

    @Test
    void webSocketMessagesAreMeteredIn32KbUnits() {
        // 1,000,100 messages of 40 KB (40,960 B -> 2 units of 32 KB) = 2,000,200 units
        //   messages      2,000,200 / 1e6 x $1.00                                = $2.0002
        //   conn minutes  1,000 clients x 60 min = 60,000 / 1e6 x $0.25          = $0.015
        //   Lambda req    1,000 / 1e6 x $0.20                                    = $0.0002
        //   total $2.0154 for 1,000,000 delivered -> $2.0154 per million
        CostModel.Estimate e = model.estimate(new CostModel.Usage(1_000_000, 1_000_100, 40 * 1024, 60_000,
                0, 0, 1_000, 0, 128, 0, 0, 0));
        assertEquals(2.0002, dollars(e, "WebSocket messages"), CENT_FRACTION);
        assertEquals(0.015, dollars(e, "WebSocket connection minutes"), CENT_FRACTION);
        assertEquals(0.0002, dollars(e, "Lambda requests"), CENT_FRACTION);
        assertEquals(2.0154, e.perMillionDelivered(), CENT_FRACTION);
        assertEquals(3, e.lines().size());
    }

    @Test
    void poolWithAProxyPaysForTheProxyVcpuHours() {
        // 500,000 invocations at 1024 MB, 20 ms each, through an RDS Proxy on 2 vCPUs for 1 hour:
        //   HTTP API      500,000 x 1 unit / 1e6 x $1.00                         = $0.50
        //   Lambda req    500,000 / 1e6 x $0.20                                  = $0.10
        //   Lambda GB-s   500,000 x 20 ms = 1e7 ms = 1e4 s x 1 GB = 1e4 GB-s
        //                 x $0.0000166667                                        = $0.166667
        //   RDS Proxy     2 vCPU x 1 h x $0.015                                  = $0.03
        //   total $0.796667 for 500,000 -> x 2 = $1.593334 per million
        CostModel.Estimate e = model.estimate(new CostModel.Usage(500_000, 0, 0, 0,
                500_000, 300, 500_000, 1e7, 1024, 0, 0, 2));
        assertEquals(0.166667, dollars(e, "Lambda duration"), CENT_FRACTION);
        assertEquals(0.03, dollars(e, "RDS Proxy"), CENT_FRACTION);
        assertEquals(0.796667, e.dollars(), CENT_FRACTION);
        assertEquals(1.593334, e.perMillionDelivered(), CENT_FRACTION);
    }

    @Test
    void meteringUnitsRoundUp() {
        assertEquals(1, Prices.units(0, 32 * 1024));
        assertEquals(1, Prices.units(32 * 1024, 32 * 1024));
        assertEquals(2, Prices.units(32 * 1024 + 1, 32 * 1024)); // "a 33 KB message counts as two"
        assertEquals(2, Prices.units(513 * 1024, 512 * 1024));
        assertEquals(3, Prices.units(130 * 1024, 64 * 1024));
    }

    @Test
    void nothingDeliveredHasNoPricePerMillion() {
        CostModel.Estimate e = model.estimate(new CostModel.Usage(0, 0, 0, 0, 10, 100, 10, 5, 128, 0, 0, 0));
        assertTrue(Double.isNaN(e.perMillionDelivered()));
        assertTrue(e.dollars() > 0);
    }

    @Test
    void aLongPollLanesUsageComesFromItsSnapshot() {
        // one client, two polls of 200 B up / 300 B down each, held 20 s and 0.5 s, 4 messages delivered,
        // 4 published through SNS:
        //   Lambda ms = 20,500; GB-s = 20.5 s x 0.125 GB = 2.5625 -> x $0.0000166667 = $0.0000427084
        AtomicLong now = new AtomicLong(0);
        LaneMetrics m = new LaneMetrics("Long poll", Technique.LONG_POLL, 1, null, now::get, 10, Duration.ofSeconds(1));
        m.requestSent(0, 200);
        for (long s = 1; s <= 4; s++) {
            m.published(s, 0);
        }
        now.set(20_000_000);
        m.responseReceived(0, 200, 300, 4);
        for (long s = 1; s <= 4; s++) {
            m.delivered(0, s, 0, 20_000_000);
        }
        m.requestSent(0, 200);
        now.addAndGet(500_000);
        m.responseReceived(0, 200, 300, 0);
        CostModel.Usage u = LaneCost.usage(m.finalSnapshot(), Prices.US_EAST_1_2026, LaneCost.Assumptions.DEFAULT);
        // the poll function's memory in the shipped template: 256 MB, so 20.5 s held is 5.125 GB-s
        assertEquals(new CostModel.Usage(4, 0, 0, 0, 2, 500, 2, 20_500.0, 256, 4, 150, 0), u);
        assertEquals(5.125 * 0.0000166667, dollars(model.estimate(u), "Lambda duration"), 1e-15);
    }

    @Test
    void aWebSocketLanesUsageCountsFramesBothWaysAndConnectHandlers() {
        // 2 clients connect (2 $connect runs), 3 published via SNS, each client gets all 3 (6 frames down),
        // one heartbeat each (2 frames up): 8 messages; function runs: 2 $connect + 2 frames + 3 fan-outs = 7,
        // 7 x 10 ms + 6 posts x 1 ms = 76 ms
        AtomicLong now = new AtomicLong(0);
        LaneMetrics m = new LaneMetrics("WebSocket", Technique.WEBSOCKET, 2, null, now::get, 10, Duration.ofSeconds(1));
        m.connectionOpened(0);
        m.connectionOpened(1);
        for (long s = 1; s <= 3; s++) {
            m.published(s, 0);
            m.delivered(0, s, 0, 1000);
            m.delivered(1, s, 0, 1000);
        }
        m.requestSent(0, 20);
        m.requestSent(1, 20);
        now.set(120_000_000); // 2 minutes each
        CostModel.Usage u = LaneCost.usage(m.finalSnapshot(), Prices.US_EAST_1_2026, LaneCost.Assumptions.DEFAULT);
        assertEquals(8, u.webSocketMessages());
        assertEquals(4.0, u.connectionMinutes(), 1e-9);
        assertEquals(2 + 2 + 3, u.lambdaInvocations());
        assertEquals(7 * 10 + 6 * 1, u.lambdaMs(), 1e-9);
        assertEquals(3, u.snsPublishes());
    }
}
