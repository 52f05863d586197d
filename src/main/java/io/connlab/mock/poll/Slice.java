package io.connlab.mock.poll;

import java.util.List;

/**
 * What a poll with one cursor gets: the messages after it, the cursor to continue from, and
 * whether some were lost.
 */
final class Slice {
    final long cursor;
    final boolean gap;
    final List<Message> messages;

    Slice(long cursor, boolean gap, List<Message> messages) {
        this.cursor = cursor;
        this.gap = gap;
        this.messages = messages;
    }

    static Slice empty(long cursor, boolean gap) {
        return new Slice(cursor, gap, List.of());
    }

    /** True when a poll should be answered now rather than held. */
    boolean answersNow() {
        return gap || !messages.isEmpty();
    }
}
