package io.connlab.mock.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Watches a new connection's first bytes until its request head is complete (at most 16 KB),
 * then lets the {@link FrontDoor} decide. The bytes go on to Java-WebSocket as they come (it
 * acts only on a whole head); refused, the connection ends before the head's last bytes reach it.
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

    HandshakeGate(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** Looks at every remaining byte of {@code bytes} (consuming them from this view). */
    Outcome offer(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (length + n > head.length) head = Arrays.copyOf(head, Math.max(head.length * 2, length + n));
        bytes.get(head, length, n);
        int searchFrom = Math.max(0, length - 3);
        length += n;
        int end = endOfHead(searchFrom);
        if (end < 0) {
            if (length > MAX_HEAD_BYTES) {
                return new Outcome(true, FrontDoor.refuse(431, "Request header fields too large", "BadRequestException"));
            }
            return Outcome.WAITING;
        }
        byte[] refusal = frontDoor.refusal(new String(head, 0, end, StandardCharsets.ISO_8859_1));
        return refusal != null ? new Outcome(true, refusal) : Outcome.ADMITTED;
    }

    /** The index just past the blank line that ends the head, or -1. */
    private int endOfHead(int from) {
        for (int i = from; i + 3 < length && i < MAX_HEAD_BYTES; i++) {
            if (head[i] == '\r' && head[i + 1] == '\n' && head[i + 2] == '\r' && head[i + 3] == '\n') return i + 4;
        }
        return -1;
    }
}
