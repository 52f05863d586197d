package io.connlab.lane;

import io.connlab.thread.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The few threads a lane (or a run) owns, all daemons with names saying whose they are (a stuck one shows up in a thread dump), all ended by stop(). */
public final class LaneThreads {
    private LaneThreads() {
    }

    /** A one-thread timer for backoffs, heartbeats and poll intervals; cancelled tasks leave its queue. */
    static ScheduledThreadPoolExecutor timer(String prefix) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.factory(prefix + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timer;
    }

    /**
     * Where the HTTP client runs its callbacks: a small fixed pool, because the JDK's default
     * executor is an unbounded cached pool that grows a thread per concurrent completion.
     * Our callbacks never block, so two threads (the machine's cores) keep up.
     */
    static ExecutorService io(String prefix) {
        int n = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return Executors.newFixedThreadPool(n, DaemonThreads.factory(prefix + "-io"));
    }
}
