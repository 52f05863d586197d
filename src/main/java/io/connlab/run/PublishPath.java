package io.connlab.run;

/** How a run's messages are published. */
public enum PublishPath {
    /** The real AWS SDK SnsClient; the backend fans out to WebSocket connections and pollers. */
    SNS,
    /** {@code {"action":"sendmessage"}} on a WebSocket of its own: the chat sample's path. */
    WEBSOCKET;

    /** "sns" or "websocket", any case; anything else is refused with a message naming it. */
    public static PublishPath parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "sns" -> SNS;
            case "websocket" -> WEBSOCKET;
            default -> throw new IllegalArgumentException("--publish must be sns or websocket, got '" + text + "'");
        };
    }
}
