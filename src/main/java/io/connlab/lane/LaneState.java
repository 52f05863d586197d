package io.connlab.lane;

/** Where a lane, or one of its clients, stands. Read from any thread (the view samples it per frame). */
public enum LaneState {
    /** Not started yet, or the first connection/request is on its way. */
    CONNECTING,
    /** Connected (WebSocket) or polling/invoking normally. */
    OPEN,
    /** A long poll is held by the server, waiting for a message. */
    HOLDING,
    /** Lost its connection or got an error; waiting out a backoff before trying again. */
    RECONNECTING,
    /** Gave up (refused for good, e.g. a wrong token); needs the user. */
    FAILED,
    /** Stopped by the user; nothing left running. */
    STOPPED
}
