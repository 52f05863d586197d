package io.connlab.mock.poll;

import java.util.List;

/**
 * What a poll with one cursor gets: the messages after it (each with its JSON already
 * encoded by the store), the cursor to continue from, and whether some were lost.
 */
final class Slice {
    final long cursor;
    final boolean gap;
    final List<Message> messages;
    final List<byte[]> encoded;

    Slice(long cursor, boolean gap, List<Message> messages, List<byte[]> encoded) {
        this.cursor = cursor;
        this.gap = gap;
        this.messages = messages;
        this.encoded = encoded;
    }

    static Slice empty(long cursor, boolean gap) {
        return new Slice(cursor, gap, List.of(), List.of());
    }

    /** True when a poll should be answered now rather than held. */
    boolean answersNow() {
        return gap || !messages.isEmpty();
    }
}
