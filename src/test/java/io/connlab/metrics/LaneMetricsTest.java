package io.connlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaneMetricsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final EventLog events = new EventLog(256, now::get);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    private LaneMetrics metrics(Technique t, int clients) {
        return new LaneMetrics(t.label(), t, clients, events, now::get, 60, Duration.ofSeconds(1));
    }

    private void publish(LaneMetrics m, long from, long to) {
        for (long s = from; s <= to; s++) {
            m.published(s, now.get());
        }
    }

    @Test
    void aPoolLanesAnswersAreNeverEmptyResponses() {
        LaneMetrics m = new LaneMetrics("Pool: pooled", Technique.POOL_POOLED, 1, null);
        m.requestSent(0, 100);
        m.responseReceived(0, 200, 300, 0);
        LaneSnapshot s = m.snapshot();
        assertEquals(1, s.responses());
        assertEquals(0, s.emptyResponses());
    }

    @Test
    void concurrentWritersGiveExactCounts() throws Exception {
        LaneMetrics m = metrics(Technique.WEBSOCKET, 8);
        int seqs = 2_000;
        for (int client = 0; client < 8; client++) {
            m.connectionOpened(client);
        }
        publish(m, 1, seqs);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                // each thread serves two clients; every client also gets its first 100 seqs twice
                for (int client = thread * 2; client < thread * 2 + 2; client++) {
                    for (long s = 1; s <= seqs; s++) {
                        m.delivered(client, s, 0, 5_000);
                        m.requestSent(client, 10);
                        m.responseReceived(client, 0, 20, 1);
                    }
                    for (long s = 1; s <= 100; s++) {
                        m.delivered(client, s, 0, 5_000);
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        LaneSnapshot s = m.snapshot(seqs);
        assertEquals(8L * seqs, s.delivered());
        assertEquals(8L * 100, s.duplicates());
        assertEquals(0, s.lost());
        assertEquals(8L * seqs, s.expected());
        assertEquals(8L * seqs, s.requests());
        assertEquals(8L * seqs * 10, s.bytesUp());
        assertEquals(8L * seqs * 20, s.bytesDown());
        assertEquals(8, s.connectionsOpened());
        assertEquals(8, s.connectionsOpen());
        assertEquals(8L * seqs, s.latency().count());
    }

    @Test
    void lostCountsGapsLateJoinersAndClientsThatNeverCame() {
        LaneMetrics m = metrics(Technique.WEBSOCKET, 4);
        m.connectionOpened(0);
        m.connectionOpened(1);
        publish(m, 1, 10);
        m.connectionOpened(2); // joins late: expected from seq 11
        publish(m, 11, 20);
        // client 3 never shows up: misses all 20
        for (long s = 1; s <= 20; s++) {
            m.delivered(0, s, 0, 1000);
            if (s <= 5 || s > 12) {
                m.delivered(1, s, 0, 1000); // away for 6..12: 7 lost
            }
            if (s >= 11 && s != 15) {
                m.delivered(2, s, 0, 1000); // misses 15 only
            }
        }
        m.delivered(2, 10, 0, 1000); // published as it joined: counted, never a duplicate or loss
        LaneSnapshot s = m.snapshot(20);
        assertEquals(7 + 1 + 20, s.lost());
        assertEquals(20 + 20 + 10 + 20, s.expected());
        assertEquals(20 + 13 + 9 + 1, s.delivered());
        assertEquals(0, s.duplicates());
        // seqs 18..20 still in flight: only up to 17 judged
        assertEquals(7 + 1 + 17, m.snapshot(17).lost());
    }

    @Test
    void aLateClientReadingFromTheStartStillHasItsRepeatsCaught() {
        LaneMetrics m = metrics(Technique.LONG_POLL, 1);
        publish(m, 1, 100);
        m.requestSent(0, 10); // first seen now: expected from seq 101
        publish(m, 101, 110);
        for (long s = 1; s <= 110; s++) {
            m.delivered(0, s, 0, 1);
        }
        for (long s = 50; s <= 60; s++) {
            m.delivered(0, s, 0, 1);
        }
        LaneSnapshot s = m.snapshot(110);
        assertEquals(110, s.delivered());
        assertEquals(11, s.duplicates());
        assertEquals(10, s.expected());
        assertEquals(0, s.lost());
    }

    @Test
    void liveSnapshotsJudgeOnlyWhatHadTheGraceToArrive() {
        LaneMetrics m = metrics(Technique.LONG_POLL, 1);
        m.setLossGrace(Duration.ofSeconds(2));
        m.requestSent(0, 100);
        publish(m, 1, 5); // at t0
        now.addAndGet(3_000_000);
        publish(m, 6, 10); // at t0 + 3 s
        for (long s = 1; s <= 3; s++) {
            m.delivered(0, s, 0, 1);
        }
        assertEquals(2, m.snapshot().lost()); // 4 and 5 are over 2 s old; 6..10 are not yet judged
        assertEquals(5, m.snapshot().settledUpTo());
        now.addAndGet(3_000_000);
        assertEquals(7, m.snapshot().lost());
        assertEquals(7, m.finalSnapshot().lost());
    }

    @Test
    void percentilesFromKnownLatencies() {
        LaneMetrics m = metrics(Technique.WEBSOCKET, 1);
        publish(m, 1, 100);
        for (long s = 1; s <= 100; s++) {
            m.delivered(0, s, 0, s * 1000); // 1 ms .. 100 ms
        }
        Percentiles p = m.snapshot(100).latency();
        assertEquals(100, p.count());
        assertEquals(50, p.p50(), 0.1);
        assertEquals(90, p.p90(), 0.1);
        assertEquals(99, p.p99(), 0.1);
        assertEquals(100, p.max(), 0.1);
        assertEquals(50.5, p.mean(), 0.1);
    }

    @Test
    void snapshotsWhileWritersRunNeverFailAndNeverGoBackwards() throws Exception {
        LaneMetrics m = metrics(Technique.LONG_POLL, 4);
        publish(m, 1, 20_000);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int client = t;
            writers.add(pool.submit(() -> {
                for (long s = 1; s <= 20_000 && !stop.get(); s++) {
                    m.requestSent(client, 50);
                    m.responseReceived(client, 200, 80, 1);
                    m.delivered(client, s, 0, s % 500);
                }
            }));
        }
        long lastDelivered = 0;
        long lastRequests = 0;
        long lastCount = 0;
        for (int i = 0; i < 200 && !writers.stream().allMatch(Future::isDone); i++) {
            LaneSnapshot s = m.snapshot();
            assertTrue(s.delivered() >= lastDelivered);
            assertTrue(s.requests() >= lastRequests);
            assertTrue(s.latency().count() >= lastCount);
            lastDelivered = s.delivered();
            lastRequests = s.requests();
            lastCount = s.latency().count();
        }
        stop.set(true);
        for (Future<?> f : writers) {
            f.get(30, TimeUnit.SECONDS);
        }
        LaneSnapshot end = m.snapshot();
        assertTrue(end.delivered() >= lastDelivered);
        assertEquals(end.delivered(), end.latency().count());
    }

    @Test
    void connectionsReconnectsAndConnectionMinutes() {
        LaneMetrics m = metrics(Technique.WEBSOCKET, 2);
        m.connectionOpened(0);
        m.connectionOpened(1);
        now.addAndGet(60_000_000); // one minute
        m.connectionClosed(0, 1006, "gone");
        m.reconnecting(0, 1, 250);
        m.connectionOpened(0);
        now.addAndGet(30_000_000);
        LaneSnapshot s = m.snapshot();
        assertEquals(3, s.connectionsOpened());
        assertEquals(2, s.connectionsOpen());
        assertEquals(1, s.reconnects());
        assertEquals(1, s.reconnectAttempts());
        assertEquals(Map.of(1006, 1L), s.closesByCode());
        // client 0: 1 min + 0.5 min; client 1: 1.5 min, still open
        assertEquals(3.0, s.connectionMinutes(), 1e-9);
        List<EventLog.Event> log = events.since(-1);
        assertEquals(List.of(EventLog.Kind.OPENED, EventLog.Kind.OPENED, EventLog.Kind.CLOSED,
                EventLog.Kind.RECONNECTING, EventLog.Kind.OPENED), log.stream().map(EventLog.Event::kind).toList());
        assertTrue(log.get(2).text().contains("1006"));
    }

    @Test
    void pollFiguresEmptyAnswersHeldTimeGapsErrorsAndForeignText() {
        LaneMetrics m = metrics(Technique.LONG_POLL, 1);
        m.requestSent(0, 120);
        now.addAndGet(20_000_000);
        m.responseReceived(0, 200, 90, 0); // held 20 s, empty
        m.requestSent(0, 120);
        now.addAndGet(500_000);
        m.responseReceived(0, 504, 60, 0); // not "empty": an error answer
        m.gap(0, 7);
        m.gap(0, -1);
        m.error(0, "http-504", "integration timeout");
        m.error(0, null, null);
        m.foreign(0, 33);
        m.bytesEstimated("request and response bytes including headers, counted by the client");
        LaneSnapshot s = m.snapshot();
        assertEquals(2, s.requests());
        assertEquals(1, s.emptyResponses());
        assertEquals(Map.of(200, 1L, 504, 1L), s.responsesByStatus());
        assertEquals(20_500, s.requestHeldMs(), 1e-9);
        assertEquals(2, s.gaps());
        assertEquals(7, s.gapMissed());
        assertEquals(2, s.errors());
        assertEquals(Map.of("http-504", 1L, "unknown", 1L), s.errorsByKind());
        assertEquals(1, s.foreign());
        assertEquals(33, s.foreignBytes());
        assertTrue(s.bytesEstimated());
        assertEquals(240, s.bytesUp());
        assertEquals(150, s.bytesDown());
    }

    @Test
    void errorKindsAreBoundedSoAFloodCannotGrowMemory() {
        LaneMetrics m = metrics(Technique.LONG_POLL, 1);
        for (int i = 0; i < 500; i++) {
            m.error(0, "kind-" + i, "x");
        }
        LaneSnapshot s = m.snapshot();
        assertEquals(500, s.errors());
        assertTrue(s.errorsByKind().size() <= 65);
        assertTrue(s.errorsByKind().containsKey("other"));
    }

    @Test
    void poolFigures() {
        LaneMetrics m = metrics(Technique.POOL_UNPOOLED, 2);
        publish(m, 1, 4); // a pool lane: one invocation per message, judged for the lane as a whole
        m.invocation(0, new LaneRecorder.Invocation("c1", true, 300, 12, 2, 20, 340, 1, 100, null, null));
        m.invocation(1, new LaneRecorder.Invocation("c1", false, 0, 10, 4, 16, 20, 3, 100, null, null));
        m.invocation(1, new LaneRecorder.Invocation("c2", false, 0, 0, 0, 5, 9, 2, 100,
                "db-too-many-clients", "FATAL: sorry, too many clients already"));
        m.invocation(1, null);
        m.throttled(); // message 4: the cap refused its call
        LaneSnapshot s = m.snapshot(4);
        LaneSnapshot.Pool p = s.pool();
        assertEquals(3, p.invocations());
        assertEquals(1, p.failed());
        assertEquals(1, p.coldStarts());
        assertEquals(2, p.containers());
        assertEquals(2, p.dbConnectionsLast());
        assertEquals(3, p.dbConnectionsMax());
        assertEquals(100, p.dbMaxConnections());
        assertEquals(20 + 300 + 16 + 5, p.functionMs(), 1e-6); // init billed on the cold start
        assertEquals(2, p.connectMs().count());
        assertEquals(12, p.connectMs().max(), 0.05);
        assertEquals(3, p.roundTripMs().count());
        assertEquals(Map.of("db-too-many-clients", 1L, "invocation", 1L), s.errorsByKind());
        assertEquals(1, p.throttled());
        assertEquals(4, s.expected());
        assertEquals(2, s.delivered());
        assertEquals(2, s.lost(), "the failed invocation and the throttled call");
        assertEquals(2, s.deliveredOrInvoked());
        assertEquals(p.roundTripMs(), s.headlineLatency());
        assertTrue(events.since(-1).stream().anyMatch(e -> e.kind() == EventLog.Kind.COLD_START));
    }

    @Test
    void timeSeriesAdvancesWithSnapshots() {
        LaneMetrics m = metrics(Technique.WEBSOCKET, 1);
        publish(m, 1, 30);
        for (long s = 1; s <= 10; s++) {
            m.delivered(0, s, 0, 4_000);
        }
        m.snapshot();
        assertNull(m.timeSeries().latest());
        now.addAndGet(1_000_000);
        m.snapshot();
        TimeSeries.Point p = m.timeSeries().latest();
        assertEquals(10, p.delivered());
        assertEquals(10.0, p.perSecond(), 1e-9);
        assertEquals(4.0, p.p50Ms(), 0.01);
        for (long s = 11; s <= 30; s++) {
            m.delivered(0, s, 0, 8_000);
        }
        now.addAndGet(1_000_000);
        m.snapshot();
        assertEquals(2, m.timeSeries().points().size());
        assertEquals(20, m.timeSeries().latest().delivered());
        assertEquals(8.0, m.timeSeries().latest().p99Ms(), 0.01);
    }

    @Test
    void strayClientIndicesAreCountedNotFatal() {
        LaneMetrics m = metrics(Technique.WEBSOCKET, 1);
        publish(m, 1, 2);
        m.connectionOpened(-1);
        m.delivered(-1, 1, 0, 1);
        m.delivered(5, 1, 0, 1);
        m.delivered(5, 1, 0, 1);
        LaneSnapshot s = m.snapshot(2);
        assertEquals(2, s.delivered());
        assertEquals(1, s.duplicates());
        assertFalse(s.lost() < 0);
    }
}
