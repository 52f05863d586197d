package io.connlab.mock.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Watches a new connection's first bytes until its request head is complete (at most 16 KB, every
 * line ended by CRLF: a bare LF is refused with 400 at once) and lets the {@link FrontDoor} judge
 * each line as it ends, then the whole head. The bytes go on to Java-WebSocket as they come (it acts
 * on a line only once it has ended, the gate first); refused, the connection ends before the line
 * that decided reaches it.
 */
final class HandshakeGate {
    static final int MAX_HEAD_BYTES = 16 * 1024;

    /** What the gate makes of the bytes so far: still waiting, admitted, or refused (with the answer). */
    record Outcome(boolean decided, byte[] refusal) {
        static final Outcome WAITING = new Outcome(false, null);
        static final Outcome ADMITTED = new Outcome(true, null);
    }

    private final FrontDoor frontDoor;
    private byte[] head = new byte[512];
    private int length;
    private int lineStart;

    HandshakeGate(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** Looks at every remaining byte of {@code bytes} (consuming them from this view). */
    Outcome offer(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (length + n > head.length) head = Arrays.copyOf(head, Math.max(head.length * 2, length + n));
        bytes.get(head, length, n);
        int from = length;
        length += n;
        for (int i = from; i < length && i < MAX_HEAD_BYTES; i++) {
            if (head[i] != '\n') continue;
            // Java-WebSocket reads only CRLF line ends: a bare LF head would wait forever for its end
            if (i == 0 || head[i - 1] != '\r') {
                return new Outcome(true, FrontDoor.refuse(400, "Bad Request: lines must end with CRLF, not a bare LF",
                        "BadRequestException"));
            }
            // each line is judged as it ends: Java-WebSocket answers a bad one (404) before the head is whole
            String line = new String(head, lineStart, i - 1 - lineStart, StandardCharsets.ISO_8859_1);
            boolean first = lineStart == 0;
            lineStart = i + 1;
            if (first) {
                byte[] refusal = frontDoor.requestLineRefusal(line);
                if (refusal != null) return new Outcome(true, refusal);
            } else if (line.isEmpty()) {
                byte[] refusal = frontDoor.refusal(new String(head, 0, i + 1, StandardCharsets.ISO_8859_1));
                return refusal != null ? new Outcome(true, refusal) : Outcome.ADMITTED;
            } else if (!FrontDoor.isHeaderField(line)) {
                return new Outcome(true, FrontDoor.refuse(400, "Bad Request: malformed header field", "BadRequestException"));
            }
        }
        if (length > MAX_HEAD_BYTES) {
            return new Outcome(true, FrontDoor.refuse(431, "Request header fields too large", "BadRequestException"));
        }
        return Outcome.WAITING;
    }
}
