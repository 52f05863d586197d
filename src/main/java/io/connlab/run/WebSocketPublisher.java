package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.lane.WebSocketLane;
import io.connlab.metrics.LaneMetrics;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the chat sample's way: {@code {"action":"sendmessage","data":…}} on a WebSocket
 * of its own, in the run's room. That connection also receives every broadcast; its recorder is never read.
 */
final class WebSocketPublisher implements Publisher {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final WebSocketLane connection;

    WebSocketPublisher(EndpointProfile profile, String room, String runId) throws PublishException {
        connection = new WebSocketLane(Room.into(profile.websocketConnectUri(), room), WebSocketLane.Settings.of(runId, 1),
                new LaneMetrics("publisher", Technique.WEBSOCKET, 1, null));
        connection.start();
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (connection.state() != LaneState.OPEN) {
            if (System.nanoTime() > deadline || connection.state() == LaneState.FAILED) {
                connection.stop();
                throw new PublishException("Could not open the publishing WebSocket to " + profile.websocketUrl(), null);
            }
            try {
                Thread.sleep(20); // polling a state the lane sets from its own threads
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                connection.stop();
                throw new PublishException("interrupted while connecting", e);
            }
        }
    }

    @Override
    public void publish(String text) throws PublishException {
        try {
            connection.sendMessage(text).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("sendmessage failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("sendmessage did not leave within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        }
    }

    @Override
    public long estimatedRequestBytes(String text) {
        // {"action":"sendmessage","data":"…"} plus a masked client frame header (up to 14 bytes)
        return 36 + 14 + text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() {
        connection.stop();
    }
}
