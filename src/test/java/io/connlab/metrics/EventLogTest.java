package io.connlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    void keepsTheNewestAndDropsTheOldest() {
        EventLog log = new EventLog(8, () -> 42);
        for (int i = 0; i < 20; i++) {
            log.add("WebSocket", i, EventLog.Kind.ERROR, "e" + i);
        }
        List<EventLog.Event> all = log.since(-1);
        assertEquals(8, all.size());
        assertEquals("e12", all.get(0).text());
        assertEquals("e19", all.get(7).text());
        assertEquals(20, log.added());
        assertEquals(42, all.get(0).atMicros());
    }

    @Test
    void readersTakeWhatIsNewSinceTheLastIdTheySaw() {
        EventLog log = new EventLog(16);
        log.add("Long poll", 0, EventLog.Kind.OPENED, "a");
        log.add("Long poll", 0, EventLog.Kind.GAP, "b");
        long lastSeen = log.since(-1).get(1).id();
        log.add("Long poll", 1, EventLog.Kind.CLOSED, "c");
        List<EventLog.Event> fresh = log.since(lastSeen);
        assertEquals(1, fresh.size());
        assertEquals("c", fresh.get(0).text());
        assertEquals(List.of("b", "c"), log.recent(2).stream().map(EventLog.Event::text).toList());
    }

    @Test
    void capacityRoundsUpToAPowerOfTwoAndBadCapacitiesAreRefused() {
        assertEquals(1024, new EventLog(1000).capacity());
        assertEquals(1, new EventLog(1).capacity());
        assertThrows(IllegalArgumentException.class, () -> new EventLog(0));
    }

    @Test
    void concurrentWritersNeverBlockAndEveryAddIsCounted() throws Exception {
        EventLog log = new EventLog(64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        log.add("lane", thread, EventLog.Kind.NOTE, "n");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(20_000, log.added());
        List<EventLog.Event> held = log.since(-1);
        assertEquals(64, held.size());
        for (int i = 1; i < held.size(); i++) {
            assertEquals(held.get(i - 1).id() + 1, held.get(i).id());
        }
    }
}
