package io.connlab.metrics;

/**
 * Where a lane, or one of its clients, stands: what the lanes report, what the window's lane
 * column says and what {@code bench} prints. Read from any thread (the figures refresher samples it).
 */
public enum LaneState {
    /** No run has started this lane yet (the window's state before the first run). */
    IDLE("idle"),
    /** Not started yet, or the first connection/request is on its way. */
    CONNECTING("connecting"),
    /** Connected (WebSocket) or invoking normally. */
    OPEN("open"),
    /** A long poll is held by the server, waiting for a message. */
    HOLDING("holding a poll"),
    /** A short poll lane asking at its interval. */
    POLLING("polling"),
    /** Lost its connection or got an error; waiting out a backoff before trying again. */
    RECONNECTING("reconnecting"),
    /** Gave up (refused for good, e.g. a wrong token); needs the user. */
    FAILED("failed"),
    /** Stopped by the user; nothing left running. */
    STOPPED("stopped");

    private final String text;

    LaneState(String text) {
        this.text = text;
    }

    /** What the lane column shows: "holding a poll". */
    public String text() {
        return text;
    }

    /** True for states a reader should notice at once. */
    public boolean troubled() {
        return this == RECONNECTING || this == FAILED;
    }
}
