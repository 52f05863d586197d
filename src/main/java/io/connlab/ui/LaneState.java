package io.connlab.ui;

/** What a lane is doing right now, as its column says it. */
public enum LaneState {
    IDLE("idle"),
    CONNECTING("connecting"),
    OPEN("open"),
    HOLDING("holding a poll"),
    POLLING("polling"),
    RECONNECTING("reconnecting"),
    FAILED("failed"),
    STOPPED("stopped");

    private final String text;

    LaneState(String text) {
        this.text = text;
    }

    /** What the column shows: "holding a poll". */
    public String text() {
        return text;
    }

    /** True for states a reader should notice at once. */
    public boolean troubled() {
        return this == RECONNECTING || this == FAILED;
    }
}
