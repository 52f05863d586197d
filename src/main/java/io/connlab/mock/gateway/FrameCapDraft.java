package io.connlab.mock.gateway;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;

/**
 * RFC 6455 as a server must enforce it, with API Gateway's two size caps. Draft_6455's own
 * limit refuses a single frame over the message cap from its header; this subclass adds the
 * smaller per-frame cap, counts an unfinished fragmented message as its fragments arrive (1009
 * as soon as it passes the cap, not at its final fragment), and lets {@link ClientFrameCheck}
 * refuse an unmasked client frame (1002) and a close whose reason is not UTF-8 (1007).
 * Throwing {@link InvalidDataException} makes WebSocketImpl close with its code.
 */
final class FrameCapDraft extends Draft_6455 {
    private final int maxFrameBytes;
    private final int maxMessageBytes;
    /** Bytes of the fragmented message under way, or -1 when none is. */
    private long unfinishedBytes = -1;
    private final ClientFrameCheck clientFrameCheck = new ClientFrameCheck();

    FrameCapDraft(int maxFrameBytes, int maxMessageBytes) {
        super(Collections.emptyList(), maxMessageBytes);
        this.maxFrameBytes = maxFrameBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        clientFrameCheck.check(buffer);
        return super.translateFrame(buffer);
    }

    // Checked per frame as it is processed (not in translateFrame), so frames that arrived
    // before the oversized one in the same read are still delivered in order.
    @Override
    public void processFrame(WebSocketImpl webSocketImpl, Framedata frame) throws InvalidDataException {
        int size = frame.getPayloadData().remaining();
        if (size > maxFrameBytes) {
            throw new LimitExceededException("Frame of " + size + " bytes exceeds " + maxFrameBytes, maxFrameBytes);
        }
        countFragments(frame, size);
        super.processFrame(webSocketImpl, frame);
    }

    private void countFragments(Framedata frame, int size) throws LimitExceededException {
        Opcode op = frame.getOpcode();
        if (op == Opcode.TEXT || op == Opcode.BINARY) {
            unfinishedBytes = frame.isFin() ? -1 : size;
        } else if (op == Opcode.CONTINUOUS && unfinishedBytes >= 0) {
            unfinishedBytes += size;
            long sofar = unfinishedBytes;
            if (frame.isFin()) unfinishedBytes = -1;
            if (sofar > maxMessageBytes) {
                unfinishedBytes = -1;
                throw new LimitExceededException("Message of over " + maxMessageBytes + " bytes", maxMessageBytes);
            }
        }
    }

    // The server copies its draft for every connection; keep the caps on the copy.
    @Override
    public Draft copyInstance() {
        return new FrameCapDraft(maxFrameBytes, maxMessageBytes);
    }
}
