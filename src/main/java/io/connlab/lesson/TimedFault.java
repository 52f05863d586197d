package io.connlab.lesson;

import io.connlab.run.Quantities;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something an experiment does at a moment of its run, counted from when publishing starts:
 * drop every connection of a listener, send one message of a given size from the WebSocket
 * lane's first user, stop the database for a while, or publish nothing for a while.
 *
 * @param listener for {@link Kind#DROP}: websocket, http or all
 * @param bytes    for {@link Kind#SEND}: the message's size
 * @param pause    for {@link Kind#STOP_DATABASE}: how long the database stays down; for {@link Kind#PAUSE_PUBLISHING}: how long nothing is published
 */
public record TimedFault(Duration at, Kind kind, String listener, int bytes, Duration pause) {
    /** What happens. */
    public enum Kind { DROP, SEND, STOP_DATABASE, PAUSE_PUBLISHING }

    private static final Pattern DROP = Pattern.compile("drop (websocket|http|all)");
    private static final Pattern SEND = Pattern.compile("send (.+) on websocket");
    private static final Pattern STOP = Pattern.compile("stop database for (.+)");
    private static final Pattern PAUSE = Pattern.compile("pause publishing for (.+)");

    public TimedFault {
        if (at == null || at.isNegative()) throw new IllegalArgumentException("a fault's time must be >= 0");
    }

    /** Reads "drop websocket", "send 40 KB on websocket", "stop database for 3 s". */
    static TimedFault parse(Duration at, String action) {
        String a = action.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        if ((m = DROP.matcher(a)).matches()) return new TimedFault(at, Kind.DROP, m.group(1), 0, null);
        if ((m = SEND.matcher(a)).matches()) {
            Integer bytes = Quantities.bytes(m.group(1));
            if (bytes == null || bytes < 1 || bytes > 1024 * 1024) {
                throw new IllegalArgumentException("'" + m.group(1) + "' is not a message size like 40 KB");
            }
            return new TimedFault(at, Kind.SEND, null, bytes, null);
        }
        if ((m = STOP.matcher(a)).matches()) return new TimedFault(at, Kind.STOP_DATABASE, null, 0, pause(m.group(1)));
        if ((m = PAUSE.matcher(a)).matches()) return new TimedFault(at, Kind.PAUSE_PUBLISHING, null, 0, pause(m.group(1)));
        throw new IllegalArgumentException("unknown action '" + action.trim() + "': use 'drop websocket|http|all', "
                + "'send SIZE on websocket', 'stop database for TIME' or 'pause publishing for TIME'");
    }

    private static Duration pause(String text) {
        Duration pause = Quantities.duration(text);
        if (pause == null || pause.isZero() || pause.toSeconds() > 600) {
            throw new IllegalArgumentException("'" + text + "' is not a pause like 3 s (up to 10 min)");
        }
        return pause;
    }

    /** The action as the lesson file writes it: "drop websocket". */
    public String action() {
        return switch (kind) {
            case DROP -> "drop " + listener;
            case SEND -> "send " + Units.bytes(bytes) + " on websocket";
            case STOP_DATABASE -> "stop database for " + Units.duration(pause);
            case PAUSE_PUBLISHING -> "pause publishing for " + Units.duration(pause);
        };
    }

    /** "at 5 s: drop websocket". */
    @Override
    public String toString() {
        return "at " + Units.duration(at) + ": " + action();
    }
}
