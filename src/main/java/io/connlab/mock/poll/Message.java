package io.connlab.mock.poll;

import java.nio.charset.StandardCharsets;

/**
 * One published message as pollers see it, held once: its text as UTF-8 bytes, JSON-escaped
 * only on the way out. (Kept escaped, a 256 KB message of control characters cost about
 * 1.75 MB, each character a six-byte backslash-u escape; see docs/PERFORMANCE.md.)
 */
public final class Message {
    private final long seq;
    private final long publishedAt;
    final byte[] utf8;
    /** Length of {@link #utf8} as a quoted JSON string, worked out once, so answers can be sized without encoding. */
    final int quotedLength;

    Message(long seq, byte[] utf8, int quotedLength, long publishedAt) {
        this.seq = seq;
        this.utf8 = utf8;
        this.quotedLength = quotedLength;
        this.publishedAt = publishedAt;
    }

    /** Position in the stream, from 1, with no holes. */
    public long seq() {
        return seq;
    }

    /** The published text (a lone UTF-16 surrogate, which UTF-8 cannot hold, reads back as '?'). */
    public String data() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** When the store took it, epoch milliseconds. */
    public long publishedAt() {
        return publishedAt;
    }

    /** Bytes of its {@code {"seq":N,"data":"...","publishedAt":T}} object in a poll answer. */
    int jsonLength() {
        return PollAnswer.objectLength(this);
    }

    @Override
    public String toString() {
        return "Message[seq=" + seq + ", " + utf8.length + " bytes, publishedAt=" + publishedAt + "]";
    }
}
