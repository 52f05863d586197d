package io.connlab.mock.poll;

import java.nio.charset.StandardCharsets;

/**
 * Builds the poll API's answer, {@code {"cursor":M,"messages":[...],"gap":false}}, from
 * messages the store already encoded, so a wake-up serialises each message once.
 */
final class PollAnswer {
    private PollAnswer() {
    }

    static byte[] body(Slice slice) {
        byte[] head = ("{\"cursor\":" + slice.cursor + ",\"messages\":[").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("],\"gap\":" + slice.gap + "}").getBytes(StandardCharsets.US_ASCII);
        int size = head.length + tail.length + Math.max(0, slice.encoded.size() - 1);
        for (byte[] m : slice.encoded) size += m.length;
        byte[] out = new byte[size];
        int at = put(out, 0, head);
        for (int i = 0; i < slice.encoded.size(); i++) {
            if (i > 0) out[at++] = ',';
            at = put(out, at, slice.encoded.get(i));
        }
        put(out, at, tail);
        return out;
    }

    static byte[] empty(long cursor) {
        return body(Slice.empty(cursor, false));
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
