package io.connlab.app.engine;

import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.run.RunController;
import io.connlab.run.RunLane;
import io.connlab.ui.model.Words;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a fault did to the run, in plain words: marks its moment on the strips, then watches
 * the lanes (bounded) to say how they came through ("5 reconnected within 1.3 s, 3 messages lost").
 * The words are {@link Words} (keys in the window's bundles), so the window says them in its language.
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
    FaultOutcome(RunController run, Words label) {
        this.run = live(run) ? run : null;
        // the strip keeps text: the mark is said in the language of the moment it was made
        if (this.run != null) this.run.mark(label.shown(), null);
        websocketBefore = settled(Technique.WEBSOCKET);
        pooledBefore = settled(Technique.POOL_POOLED);
        unpooledBefore = settled(Technique.POOL_UNPOOLED);
    }

    boolean running() {
        return run != null;
    }

    /** ": 5 reconnected within 1.3 s, 3 messages lost" for the WebSocket lane's clients, after waiting for them (bounded). */
    Words websocketRecovery(int dropped) {
        if (run == null || websocketBefore == null || dropped <= 0) return Words.NOTHING;
        int expected = Math.min(dropped, websocketBefore.clients());
        long before = websocketBefore.reconnects();
        await(() -> reconnects() - before >= expected, RECOVERY_WAIT);
        long back = reconnects() - before;
        double within = (System.nanoTime() - startedNanos) / 1e9;
        // messages published while they were away and never delivered: judged up to the latest seq now
        LaneSnapshot after = settled(Technique.WEBSOCKET);
        long lost = after == null ? 0 : Math.max(0, after.lost() - websocketBefore.lost());
        return back == 0 ? Words.of("outcome.noneReconnected", RECOVERY_WAIT.toSeconds())
                : Words.of("outcome.reconnected", back, within, lost);
    }

    /** "; pooled: 3 failed invocations, unpooled: 12 failed invocations" over the time since the fault. */
    Words poolFailures() {
        if (run == null) return Words.NOTHING;
        Long pooled = failed(pooledBefore, settled(Technique.POOL_POOLED));
        Long unpooled = failed(unpooledBefore, settled(Technique.POOL_UNPOOLED));
        if (pooled != null && unpooled != null) return Words.of("outcome.poolFailures", pooled, unpooled);
        if (pooled != null) return Words.of("outcome.pooledFailures", pooled);
        if (unpooled != null) return Words.of("outcome.unpooledFailures", unpooled);
        return Words.NOTHING;
    }

    /** Failed invocations between the two snapshots; null when the lane does not run. */
    private static Long failed(LaneSnapshot before, LaneSnapshot after) {
        return before == null || after == null ? null : after.pool().failed() - before.pool().failed();
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
