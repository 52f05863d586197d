package io.connlab.mock.edge;

/**
 * Something on the edge's timer queue: a delayed chunk that falls due, a deadline. Only the
 * selector thread touches it; {@link #due} is never changed while {@link #queued}.
 */
abstract class Timed {
    long due;
    boolean queued;

    /** Called on the selector thread once {@code now >= due}. */
    abstract void onTime(long now);
}
