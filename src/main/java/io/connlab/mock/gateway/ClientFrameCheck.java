package io.connlab.mock.gateway;

import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.framing.CloseFrame;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Follows the frame boundaries of a client's byte stream for three RFC 6455 rules Java-WebSocket
 * does not enforce: every client frame is masked (5.1: else close 1002), a 64-bit payload length
 * has its most significant bit 0 (5.2: else 1002, where Java-WebSocket says 1009), and a close frame's
 * reason is UTF-8 (7.1.6: else 1007; Java-WebSocket throws inside its parser and ignores the
 * close). Headers and payloads may be split across reads.
 */
final class ClientFrameCheck {
    private static final int CLOSE_OPCODE = 0x8;
    private final byte[] header = new byte[10]; // the two first bytes and the extended length
    private int headerBytes;
    private long frameLeft; // mask key and payload bytes of the current frame not yet seen
    private byte[] close; // mask key and payload of a close frame (at most 4 + 125 bytes), while it arrives
    private int closeBytes;

    /** Looks at the bytes without consuming them; throws on the first frame that breaks a rule. */
    void check(ByteBuffer bytes) throws InvalidDataException {
        int pos = bytes.position();
        int limit = bytes.limit();
        while (pos < limit) {
            if (frameLeft > 0) {
                int take = (int) Math.min(frameLeft, limit - pos);
                if (close != null) {
                    for (int i = 0; i < take; i++) close[closeBytes++] = bytes.get(pos + i);
                }
                pos += take;
                frameLeft -= take;
                if (frameLeft == 0 && close != null) checkCloseReason();
                continue;
            }
            header[headerBytes++] = bytes.get(pos++);
            if (headerBytes < 2) continue;
            if ((header[1] & 0x80) == 0) throw new InvalidFrameException("A client frame must be masked (RFC 6455 5.1)");
            int length7 = header[1] & 0x7F;
            int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            if (headerBytes < 2 + extended) continue;
            if (extended == 8 && (header[2] & 0x80) != 0) {
                throw new InvalidFrameException("A 64-bit payload length must have its top bit 0 (RFC 6455 5.2)");
            }
            long length = length7;
            if (extended > 0) {
                length = 0;
                for (int i = 2; i < 2 + extended; i++) length = (length << 8) | (header[i] & 0xFF);
            }
            frameLeft = 4 + length; // the mask key, then the payload
            boolean isClose = (header[0] & 0x0F) == CLOSE_OPCODE && length <= 125;
            close = isClose ? new byte[(int) frameLeft] : null;
            closeBytes = 0;
            headerBytes = 0;
        }
    }

    private void checkCloseReason() throws InvalidDataException {
        byte[] frame = close;
        close = null;
        if (frame.length <= 4 + 2) return; // no reason
        byte[] reason = new byte[frame.length - 6];
        for (int i = 0; i < reason.length; i++) reason[i] = (byte) (frame[6 + i] ^ frame[(i + 2) % 4]);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(reason));
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(CloseFrame.NO_UTF8, "Close reason is not valid UTF-8");
        }
    }
}
