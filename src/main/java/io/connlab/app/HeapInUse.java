package io.connlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap still in use after a full collection: what the live objects cost, for bench-backend's per-connection figure. */
final class HeapInUse {
    private HeapInUse() {
    }

    static long afterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // a few rounds: a collection can leave garbage that the next one frees
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
