package io.connlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class WireTraceTest {

    @Test
    void keepsEventsInAppendOrderAndFiltersByTime() {
        WireTrace t = new WireTrace(8);
        t.append(WireEvent.Kind.CONNECT, 100, null);
        t.append(WireEvent.Kind.REQUEST, 200, null);
        t.append(WireEvent.Kind.RESPONSE, 300, "empty");
        assertEquals(List.of(WireEvent.Kind.CONNECT, WireEvent.Kind.REQUEST, WireEvent.Kind.RESPONSE),
                t.copySince(0).stream().map(WireEvent::kind).toList());
        List<WireEvent> recent = t.copySince(200);
        assertEquals(2, recent.size());
        assertEquals("empty", recent.get(1).label());
        assertTrue(t.copySince(301).isEmpty());
    }

    @Test
    void whenFullTheOldestAreOverwritten() {
        WireTrace t = new WireTrace(4);
        for (int i = 0; i < 10; i++) t.append(WireEvent.Kind.PUSH, i, null);
        List<WireEvent> kept = t.copySince(0);
        assertEquals(List.of(6L, 7L, 8L, 9L), kept.stream().map(WireEvent::atMicros).toList());
        assertEquals(10, t.appended());
    }

    @Test
    void capacityIsRoundedUpToAPowerOfTwo() {
        assertEquals(8, new WireTrace(5).capacity());
        assertEquals(2, new WireTrace(2).capacity());
    }

    @Test
    void badCapacityAndNullEventsAreRefusedOrIgnored() {
        assertThrows(IllegalArgumentException.class, () -> new WireTrace(1));
        assertThrows(IllegalArgumentException.class, () -> new WireTrace(1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new WireEvent(null, 0, null));
        WireTrace t = new WireTrace(4);
        t.append(null);
        assertEquals(0, t.appended());
    }

    @Test
    void concurrentWritersNeverCorruptWhatAReaderSees() throws Exception {
        WireTrace t = new WireTrace(64);
        int writers = 4;
        int each = 5_000;
        CountDownLatch done = new CountDownLatch(writers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            Thread th = new Thread(() -> {
                for (int i = 0; i < each; i++) t.append(WireEvent.Kind.PUSH, i, "w" + id);
                done.countDown();
            });
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        while (done.getCount() > 0) {
            List<WireEvent> seen = t.copySince(0);
            assertTrue(seen.size() <= 64);
            for (WireEvent e : seen) assertNotNull(e.label());
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals((long) writers * each, t.appended());
        List<WireEvent> last = t.copySince(0);
        assertEquals(64, last.size());
        Set<String> labels = new HashSet<>();
        last.forEach(e -> labels.add(e.label()));
        assertFalse(labels.isEmpty());
    }
}
