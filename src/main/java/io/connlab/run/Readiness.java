package io.connlab.run;

import io.connlab.metrics.LaneState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * When a run may start publishing: every client of a message lane is connected (WebSocket) or
 * has its first poll out, so no lane misses the first messages. Pool lanes are always ready.
 */
final class Readiness {
    private Readiness() {
    }

    /**
     * Waits (bounded) until the lanes are ready, or {@code starting} turns false (stopped meanwhile).
     *
     * @param backend named in the message when the lanes do not connect
     */
    static void await(Collection<RunLane> lanes, Duration timeout, BooleanSupplier starting, String backend)
            throws RunException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready(lanes)) {
            if (System.nanoTime() > deadline) {
                // the window's words leave out which lanes: their columns show their states
                throw new RunException("The lanes did not connect within " + timeout.toSeconds()
                        + " s: " + notReady(lanes) + ". Is the backend at " + backend + " reachable?", null,
                        "error.notConnected", timeout.toSeconds(), backend);
            }
            if (!starting.getAsBoolean()) return;
            try {
                Thread.sleep(25); // the lanes set their states from their own threads
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("interrupted while connecting", e);
            }
        }
    }

    static boolean ready(Collection<RunLane> lanes) {
        for (RunLane l : lanes) {
            if (l.technique().isPool()) continue;
            for (int c = 0; c < l.lane().clients(); c++) {
                LaneState s = l.lane().clientState(c);
                if (s != LaneState.OPEN && s != LaneState.HOLDING) return false;
            }
        }
        return true;
    }

    private static String notReady(Collection<RunLane> lanes) {
        List<String> out = new ArrayList<>();
        for (RunLane l : lanes) {
            if (!l.technique().isPool() && l.state() != LaneState.OPEN && l.state() != LaneState.HOLDING) {
                out.add(l.technique().label() + " is " + l.state().name().toLowerCase(Locale.ROOT));
            }
        }
        return out.isEmpty() ? "still connecting" : String.join(", ", out);
    }
}
