package io.connlab.ui.model;

import java.time.Instant;

/** One line of the backend's event log: a close code, an error, a fault. */
public record LogLine(Instant at, String text, boolean error) {
}
