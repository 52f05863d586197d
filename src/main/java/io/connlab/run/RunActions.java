package io.connlab.run;

import io.connlab.lane.WebSocketLane;
import io.connlab.metrics.Technique;

import java.util.concurrent.CompletableFuture;

/**
 * What an experiment does to a run's own clients while it runs, beside the backend's fault
 * buttons: a WebSocket user sending one message of its own (too big, for a lesson's 1009).
 */
public final class RunActions {
    private RunActions() {
    }

    /**
     * WebSocket user 0 sends {@code bytes} of text the chat sample's way; past the gateway's
     * 32 KB frame limit the gateway closes that connection with 1009 and the lane reconnects.
     * Fails (the future) when the run has no WebSocket lane or the user is not connected.
     */
    public static CompletableFuture<Void> sendOnWebSocket(RunController run, int bytes) {
        RunLane lane = run.lane(Technique.WEBSOCKET);
        if (lane == null) return CompletableFuture.failedFuture(new IllegalStateException("this run has no WebSocket lane"));
        return ((WebSocketLane) lane.lane()).sendMessage("x".repeat(Math.max(0, bytes)));
    }
}
