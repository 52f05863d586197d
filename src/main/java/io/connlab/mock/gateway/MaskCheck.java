package io.connlab.mock.gateway;

import org.java_websocket.exceptions.InvalidFrameException;

import java.nio.ByteBuffer;

/**
 * Follows the frame boundaries of a client's byte stream to check each frame's mask bit, which
 * Java-WebSocket reads but does not enforce: RFC 6455 5.1 says a server MUST close the
 * connection (1002) on an unmasked client frame. Headers may be split across reads.
 */
final class MaskCheck {
    private final byte[] header = new byte[10]; // the two first bytes and the extended length
    private int headerBytes;
    private long payloadLeft; // payload and mask key bytes of the current frame not yet seen

    /** Looks at the bytes without consuming them; throws on the first unmasked frame. */
    void check(ByteBuffer bytes) throws InvalidFrameException {
        int pos = bytes.position();
        int limit = bytes.limit();
        while (pos < limit) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, limit - pos);
                pos += skip;
                payloadLeft -= skip;
                continue;
            }
            header[headerBytes++] = bytes.get(pos++);
            if (headerBytes < 2) continue;
            if ((header[1] & 0x80) == 0) throw new InvalidFrameException("A client frame must be masked (RFC 6455 5.1)");
            int length7 = header[1] & 0x7F;
            int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            if (headerBytes < 2 + extended) continue;
            long length = length7;
            if (extended > 0) {
                length = 0;
                for (int i = 2; i < 2 + extended; i++) length = (length << 8) | (header[i] & 0xFF);
            }
            payloadLeft = 4 + length; // the mask key, then the payload
            headerBytes = 0;
        }
    }
}
