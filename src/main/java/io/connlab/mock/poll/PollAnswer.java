package io.connlab.mock.poll;

import java.nio.charset.StandardCharsets;

/**
 * Builds the poll API's answer, {@code {"cursor":M,"messages":[...],"gap":false}}, writing
 * each message's JSON straight from its stored UTF-8 into one array of the exact size. Large
 * answers are built once and shared by every poll that gets the same messages ({@link SharedAnswers}).
 */
final class PollAnswer {
    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] DATA = ascii(",\"data\":");
    private static final byte[] PUBLISHED_AT = ascii(",\"publishedAt\":");

    private PollAnswer() {
    }

    /** The answer's bytes: never change them, they may be another poll's too. */
    static byte[] body(Slice slice) {
        byte[] head = ascii("{\"cursor\":" + slice.cursor + ",\"messages\":[");
        byte[] tail = ascii("],\"gap\":" + slice.gap + "}");
        long size = head.length + tail.length + Math.max(0, slice.messages.size() - 1);
        for (Message m : slice.messages) size += objectLength(m);
        if (size > Integer.MAX_VALUE - 16) throw new IllegalStateException("poll answer too large: " + size);
        long exact = size;
        return SharedAnswers.of(slice, size, () -> encode(slice, head, tail, (int) exact));
    }

    private static byte[] encode(Slice slice, byte[] head, byte[] tail, int size) {
        byte[] out = new byte[size];
        int at = put(out, 0, head);
        for (int i = 0; i < slice.messages.size(); i++) {
            if (i > 0) out[at++] = ',';
            at = writeObject(slice.messages.get(i), out, at);
        }
        put(out, at, tail);
        return out;
    }

    static byte[] empty(long cursor) {
        return body(Slice.empty(cursor, false));
    }

    /** Bytes of {@code {"seq":N,"data":"...","publishedAt":T}}. */
    static int objectLength(Message m) {
        return SEQ.length + digits(m.seq()) + DATA.length + m.quotedLength + PUBLISHED_AT.length + digits(m.publishedAt()) + 1;
    }

    private static int writeObject(Message m, byte[] out, int at) {
        at = put(out, at, SEQ);
        at = putLong(out, at, m.seq());
        at = put(out, at, DATA);
        at = JsonText.writeQuoted(m.utf8, m.quotedLength, out, at);
        at = put(out, at, PUBLISHED_AT);
        at = putLong(out, at, m.publishedAt());
        out[at++] = '}';
        return at;
    }

    /** Decimal digits of a non-negative number (seq and epoch millis are never negative). */
    private static int digits(long v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    private static int putLong(byte[] out, int at, long v) {
        int end = at + digits(v);
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
