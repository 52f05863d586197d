package io.connlab.ui.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the backend's event log: a close code, an error, a fault. A line says its cause
 * in the window's words ("Pool: pooled: the function failed"); consecutive lines of the same
 * cause fold into one ("… × 43"), showing the latest time and keeping the latest full text
 * (the server's own detail) for a tooltip.
 *
 * @param text  the latest full text, with its detail (the tooltip)
 * @param cause what the list shows and lines fold by (lane and kind of event); the text itself when not given
 * @param count how many lines folded into this one
 */
public record LogLine(Instant at, String text, boolean error, String cause, int count) {

    public LogLine(Instant at, String text, boolean error) {
        this(at, text, error, text, 1);
    }

    public LogLine {
        if (cause == null) cause = text;
    }

    /** What the list shows: the cause, and how many times it happened in a row. */
    public String shown() {
        return count > 1 ? cause + " × " + count : cause;
    }

    /**
     * Folds a line into the one just above it when both have the same cause, oldest first; a
     * cause that comes back after another line starts a line of its own, so the order of what
     * happened stays readable.
     */
    public static List<LogLine> fold(List<LogLine> oldestFirst) {
        List<LogLine> out = new ArrayList<>();
        for (LogLine l : oldestFirst) {
            LogLine above = out.isEmpty() ? null : out.get(out.size() - 1);
            if (above != null && above.cause().equals(l.cause())) {
                out.set(out.size() - 1, new LogLine(l.at(), l.text(), l.error() || above.error(), l.cause(), above.count() + l.count()));
            } else {
                out.add(l);
            }
        }
        return out;
    }
}
