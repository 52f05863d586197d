package io.connlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap this process has in use once garbage is collected: what live objects cost. */
final class HeapInUse {
    private HeapInUse() {
    }

    static long afterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a few rounds: one may leave what a finalizer or a reference queue still holds
            memory.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
