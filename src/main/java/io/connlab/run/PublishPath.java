package io.connlab.run;

/** How a run's messages are published. */
public enum PublishPath {
    /** The real AWS SDK SnsClient; the backend fans out to WebSocket connections and pollers. */
    SNS,
    /** {@code {"action":"sendmessage"}} on a WebSocket of its own: the chat sample's path. */
    WEBSOCKET
}
