package io.connlab.app.engine;

import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.run.RunController;
import io.connlab.run.RunLane;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What a fault did to the run, in plain words: marks its moment on the strips, then watches
 * the lanes (bounded) to say how they came through ("5 reconnected within 1.3 s, 3 messages lost").
 * Runs on the window's background thread, never the FX thread.
 */
final class FaultOutcome {
    /** The longest a fault's outcome waits for the clients to recover. */
    static final Duration RECOVERY_WAIT = Duration.ofSeconds(10);

    private final RunController run;
    private final long startedNanos = System.nanoTime();
    private final LaneSnapshot websocketBefore;
    private final LaneSnapshot pooledBefore;
    private final LaneSnapshot unpooledBefore;

    /** Marks {@code label} on the strips now (when a run goes) and remembers the figures before the fault. */
    FaultOutcome(RunController run, String label) {
        this.run = live(run) ? run : null;
        if (this.run != null) this.run.mark(label, null);
        websocketBefore = settled(Technique.WEBSOCKET);
        pooledBefore = settled(Technique.POOL_POOLED);
        unpooledBefore = settled(Technique.POOL_UNPOOLED);
    }

    boolean running() {
        return run != null;
    }

    /** " 5 reconnected within 1.3 s, 3 messages lost" for the WebSocket lane's clients, after waiting for them (bounded). */
    String websocketRecovery(int dropped) {
        if (run == null || websocketBefore == null || dropped <= 0) return "";
        int expected = Math.min(dropped, websocketBefore.clients());
        long before = websocketBefore.reconnects();
        await(() -> reconnects() - before >= expected, RECOVERY_WAIT);
        long back = reconnects() - before;
        double within = (System.nanoTime() - startedNanos) / 1e9;
        // messages published while they were away and never delivered: judged up to the latest seq now
        LaneSnapshot after = settled(Technique.WEBSOCKET);
        long lost = after == null ? 0 : Math.max(0, after.lost() - websocketBefore.lost());
        return back == 0 ? ": none reconnected within " + RECOVERY_WAIT.toSeconds() + " s"
                : String.format(Locale.ROOT, ": %d reconnected within %.1f s, %d message%s lost", back, within, lost,
                lost == 1 ? "" : "s");
    }

    /** "; pooled: 3 failed invocations, unpooled: 12" over the time since the fault. */
    String poolFailures() {
        if (run == null) return "";
        StringBuilder b = new StringBuilder();
        append(b, "pooled", pooledBefore, settled(Technique.POOL_POOLED));
        append(b, "unpooled", unpooledBefore, settled(Technique.POOL_UNPOOLED));
        return b.isEmpty() ? "" : "; " + b;
    }

    private static void append(StringBuilder b, String name, LaneSnapshot before, LaneSnapshot after) {
        if (before == null || after == null) return;
        long failed = after.pool().failed() - before.pool().failed();
        if (!b.isEmpty()) b.append(", ");
        b.append(name).append(": ").append(failed).append(failed == 1 ? " failed invocation" : " failed invocations");
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private long reconnects() {
        LaneSnapshot s = settled(Technique.WEBSOCKET);
        return s == null ? 0 : s.reconnects();
    }

    private LaneSnapshot settled(Technique t) {
        if (run == null) return null;
        RunLane l = run.lane(t);
        return l == null ? null : l.metrics().snapshot(Math.max(0, run.published() - 1));
    }

    private static boolean live(RunController r) {
        return r != null && r.phase() == RunController.Phase.RUNNING;
    }

    /** Polls {@code done} every 50 ms up to {@code limit}; a background thread's bounded wait for the lanes. */
    static void await(BooleanSupplier done, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
