package io.connlab.mock.poll;

import io.connlab.mock.http.HttpExchange;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A poll request waiting for a message: its exchange (no thread waits with it), its
 * cursor and its timer. Whoever {@link #claim()}s it first (an append, the timer, close)
 * answers it; everyone else leaves it alone.
 */
final class HeldPoll extends AtomicBoolean {
    final HttpExchange exchange;
    /** The log of the poll's room: only an append there answers it. */
    final MessageStore log;
    final long cursor;
    /** True when the wait runs past the integration timeout: the timer answers 504. */
    final boolean cutOff;
    private volatile Future<?> timer;

    HeldPoll(HttpExchange exchange, MessageStore log, long cursor, boolean cutOff) {
        this.exchange = exchange;
        this.log = log;
        this.cursor = cursor;
        this.cutOff = cutOff;
    }

    boolean claim() {
        return compareAndSet(false, true);
    }

    boolean answered() {
        return get();
    }

    void timer(Future<?> f) {
        timer = f;
        if (answered()) f.cancel(false); // answered while the timer was being set
    }

    void cancelTimer() {
        Future<?> f = timer;
        if (f != null) f.cancel(false);
    }
}
