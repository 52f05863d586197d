package io.connlab.ui.model;

import java.time.Instant;

/** One WebSocket connection on the backend, as the backend panel lists it. */
public record ConnectionRow(String id, Instant connectedAt, Instant lastActive, String source) {
}
