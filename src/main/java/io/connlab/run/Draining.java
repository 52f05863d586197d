package io.connlab.run;

import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/**
 * The wait after publishing ends, for the last messages to arrive before the figures are
 * settled. Short while every lane is connected; it stretches (bounded by {@link #MAX_DRAIN})
 * while a lane is still reconnecting after a drop, or a poll lane is still catching up, so a
 * lane in backoff or with slow answers is not judged to have lost what it will still fetch.
 */
final class Draining {
    /** The longest a run waits for lanes still reconnecting after publishing ended. */
    static final Duration MAX_DRAIN = Duration.ofSeconds(30);

    private Draining() {
    }

    /**
     * Blocks the calling (timer) thread until every seq up to {@code lastSeq} has reached every
     * message lane, or the wait is over.
     *
     * @param settle   how long to wait while no lane is recovering
     * @param draining false once the run was stopped meanwhile
     */
    static void await(Collection<RunLane> lanes, long lastSeq, Duration settle, BooleanSupplier draining)
            throws InterruptedException {
        long start = System.nanoTime();
        while (draining.getAsBoolean() && !allDelivered(lanes, lastSeq)) {
            long waited = System.nanoTime() - start;
            if (waited > MAX_DRAIN.toNanos()
                    || (waited > settle.toNanos() && !recovering(lanes) && !pollsCatchingUp(lanes, lastSeq))) break;
            Thread.sleep(50); // deliveries land on network threads
        }
    }

    /** True while a message lane is reconnecting or connecting again. */
    private static boolean recovering(Collection<RunLane> lanes) {
        for (RunLane l : lanes) {
            if (l.technique().isPool()) continue;
            LaneState s = l.state();
            if (s == LaneState.RECONNECTING || s == LaneState.CONNECTING) return true;
        }
        return false;
    }

    /**
     * True while a poll lane still misses messages the server never said were gone (no gap):
     * its cursor guarantees they come with a poll still out, so they are late, not lost.
     * Judging them lost after the short settle wait made a busy machine's bench report losses.
     */
    private static boolean pollsCatchingUp(Collection<RunLane> lanes, long lastSeq) {
        for (RunLane l : lanes) {
            if (l.technique() != Technique.LONG_POLL && l.technique() != Technique.SHORT_POLL) continue;
            LaneSnapshot s = l.metrics().snapshot(lastSeq);
            if (s.lost() > 0 && s.gaps() == 0) return true;
        }
        return false;
    }

    private static boolean allDelivered(Collection<RunLane> lanes, long lastSeq) {
        for (RunLane l : lanes) {
            var s = l.metrics().snapshot(lastSeq);
            // a pool lane is done when every message's invocation has answered (or was throttled)
            if (l.technique().isPool() ? s.delivered() + s.lost() < s.expected() : s.lost() > 0) return false;
        }
        return true;
    }
}
