package io.connlab.metrics;

/**
 * One thing seen on the wire by one client of a lane, for the sequence strip: a request
 * going up, a push or a response coming down, a held poll starting or ending, a drop.
 *
 * @param atMicros when, on {@link Clock#nowMicros()}
 * @param label    a short note drawn beside the arrow ("504", "empty", "3 msgs"), or null
 */
public record WireEvent(Kind kind, long atMicros, String label) {

    /** What happened. */
    public enum Kind {
        /** A connection opened. */
        CONNECT,
        /** A connection closed normally. */
        CLOSE,
        /** The client sent a request or a frame (up). */
        REQUEST,
        /** The server answered a request (down). */
        RESPONSE,
        /** A poll reached the server and is being held there. */
        HOLD_START,
        /** A held poll was answered: with data, empty after its wait, or with an error. */
        HOLD_END,
        /** The server pushed a frame without being asked (down). */
        PUSH,
        /** A connection dropped abnormally, or messages were lost. */
        DROP,
        /** A request failed. */
        ERROR,
        /** Someone did something to the backend (a fault button, a message sent by hand): a labelled marker across the strip. */
        MARK
    }

    public WireEvent {
        if (kind == null) throw new IllegalArgumentException("kind is required");
    }
}
