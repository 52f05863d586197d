package io.connlab.mock.gateway;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;

import java.util.Collections;

/**
 * RFC 6455 with API Gateway's two size caps. Draft_6455's own limit covers both a single frame
 * and an assembled fragmented message, so it is set to the message cap; this subclass adds the
 * smaller per-frame cap. Throwing {@link LimitExceededException} makes WebSocketImpl close with 1009.
 */
final class FrameCapDraft extends Draft_6455 {
    private final int maxFrameBytes;
    private final int maxMessageBytes;

    FrameCapDraft(int maxFrameBytes, int maxMessageBytes) {
        super(Collections.emptyList(), maxMessageBytes);
        this.maxFrameBytes = maxFrameBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    // Checked per frame as it is processed (not in translateFrame), so frames that arrived
    // before the oversized one in the same read are still delivered in order.
    @Override
    public void processFrame(WebSocketImpl webSocketImpl, Framedata frame) throws InvalidDataException {
        int size = frame.getPayloadData().remaining();
        if (size > maxFrameBytes) {
            throw new LimitExceededException("Frame of " + size + " bytes exceeds " + maxFrameBytes, maxFrameBytes);
        }
        super.processFrame(webSocketImpl, frame);
    }

    // The server copies its draft for every connection; keep the caps on the copy.
    @Override
    public Draft copyInstance() {
        return new FrameCapDraft(maxFrameBytes, maxMessageBytes);
    }
}
