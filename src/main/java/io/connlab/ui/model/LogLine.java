package io.connlab.ui.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the backend's event log: a close code, an error, a fault. Lines of the same
 * cause fold into one ("Pool: pooled: function-error × 43"), showing the latest time and
 * keeping the latest full text for a tooltip.
 *
 * @param text  the latest full text
 * @param cause what lines fold by (lane and kind of event); the text itself when not given
 * @param count how many lines folded into this one
 */
public record LogLine(Instant at, String text, boolean error, String cause, int count) {

    public LogLine(Instant at, String text, boolean error) {
        this(at, text, error, text, 1);
    }

    public LogLine {
        if (cause == null) cause = text;
    }

    /** What the list shows: the text, or the cause and how many times it happened. */
    public String shown() {
        return count > 1 ? cause + " × " + count : text;
    }

    /** Folds lines of the same cause into one, oldest first by each cause's latest line. */
    public static List<LogLine> fold(List<LogLine> oldestFirst) {
        Map<String, LogLine> byCause = new LinkedHashMap<>();
        for (LogLine l : oldestFirst) {
            LogLine before = byCause.remove(l.cause()); // re-inserted: its place is its latest line
            int count = before == null ? l.count() : before.count() + l.count();
            byCause.put(l.cause(), new LogLine(l.at(), l.text(), l.error() || before != null && before.error(), l.cause(), count));
        }
        return new ArrayList<>(byCause.values());
    }
}
