package io.connlab.thread;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread factory of the app, the mock and the tools: daemon threads (a forgotten one
 * never keeps the JVM alive) named {@code prefix-1}, {@code prefix-2}... so a stuck one shows
 * whose it is in a thread dump. Depends on nothing, so the mock may use it too.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    public static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
