package io.connlab.lane;

import io.connlab.metrics.LaneState;
import java.util.function.IntFunction;

/**
 * One technique for receiving the run's messages (WebSocket, long poll, short poll) or for
 * calling the function (pool). The same code runs against the bundled mock and a live stack;
 * everything that happens is reported to a {@link io.connlab.metrics.LaneRecorder}.
 *
 * <p>{@link #start()} and {@link #stop()} are idempotent; a stopped lane cannot be restarted
 * (make a new one). {@link #stop()} closes the lane's connections and ends its threads; it
 * waits a bounded time (about a second at most) for close handshakes, so call it off the FX thread.
 */
public interface Lane extends AutoCloseable {

    /** The lane's name as the user sees it: "WebSocket", "Long poll", "Short poll", "Pool: pooled". */
    String name();

    /** Starts connecting/polling/invoking in the background; returns at once. */
    void start();

    /** Stops everything; idempotent. */
    void stop();

    /** The lane as a whole, cheap enough to read once per frame. */
    LaneState state();

    /** How many clients (simulated users, or concurrent callers for a pool lane) the lane has. */
    int clients();

    /** One client's state. */
    LaneState clientState(int client);

    @Override
    default void close() {
        stop();
    }

    /** Sums client states into the lane's state: the worst transient state wins, failed only if all failed. */
    static LaneState summarize(int clients, IntFunction<LaneState> stateOf, boolean stopped, LaneState steady) {
        if (stopped) return LaneState.STOPPED;
        int failed = 0;
        boolean reconnecting = false;
        boolean connecting = false;
        for (int i = 0; i < clients; i++) {
            LaneState s = stateOf.apply(i);
            if (s == LaneState.FAILED) failed++;
            else if (s == LaneState.RECONNECTING) reconnecting = true;
            else if (s == LaneState.CONNECTING) connecting = true;
        }
        if (clients > 0 && failed == clients) return LaneState.FAILED;
        if (reconnecting) return LaneState.RECONNECTING;
        if (connecting) return LaneState.CONNECTING;
        return steady;
    }
}
