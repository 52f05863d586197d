package io.connlab.mock.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Holds a new connection's first bytes until its request head is complete (at most 16 KB),
 * then lets the {@link FrontDoor} decide: admitted, every byte read so far goes on to
 * Java-WebSocket; refused, the client gets the front door's answer instead.
 */
final class HandshakeGate {
    static final int MAX_HEAD_BYTES = 16 * 1024;

    /** What the gate makes of the bytes so far: still waiting, admitted (with the bytes to pass on) or refused. */
    record Outcome(byte[] admitted, byte[] refusal) {
        static final Outcome WAITING = new Outcome(null, null);

        boolean decided() {
            return admitted != null || refusal != null;
        }
    }

    private final FrontDoor frontDoor;
    private byte[] head = new byte[512];
    private int length;

    HandshakeGate(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** Takes every remaining byte of {@code bytes}. */
    Outcome offer(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (length + n > head.length) head = Arrays.copyOf(head, Math.max(head.length * 2, length + n));
        bytes.get(head, length, n);
        int searchFrom = Math.max(0, length - 3);
        length += n;
        int end = endOfHead(searchFrom);
        if (end < 0) {
            if (length > MAX_HEAD_BYTES) {
                return new Outcome(null, FrontDoor.refuse(431, "Request header fields too large", "BadRequestException"));
            }
            return Outcome.WAITING;
        }
        byte[] refusal = frontDoor.refusal(new String(head, 0, end, StandardCharsets.ISO_8859_1));
        return refusal != null ? new Outcome(null, refusal) : new Outcome(Arrays.copyOf(head, length), null);
    }

    /** The index just past the blank line that ends the head, or -1. */
    private int endOfHead(int from) {
        for (int i = from; i + 3 < length && i < MAX_HEAD_BYTES; i++) {
            if (head[i] == '\r' && head[i + 1] == '\n' && head[i + 2] == '\r' && head[i + 3] == '\n') return i + 4;
        }
        return -1;
    }
}
