package io.connlab.mock.poll;

import io.connlab.mock.RoomName;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The poll request's query, checked: {@code room} (absent = the default room), {@code cursor}
 * (absent = from now) and {@code wait} seconds (absent = 0, a short poll). Anything else in the query is ignored.
 */
record PollParameters(String room, Long cursor, long waitMillis) {
    static final double MAX_WAIT_SECONDS = 900;
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,19}");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,10}(\\.[0-9]{0,9})?");

    /** A parameter the client got wrong; its message is the 400 answer's. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static PollParameters parse(Map<String, String> query) throws Invalid {
        return new PollParameters(room(query.get("room")), cursor(query.get("cursor")), waitMillis(query.get("wait")));
    }

    private static String room(String raw) throws Invalid {
        String problem = RoomName.problem(raw);
        if (problem != null) throw new Invalid("Invalid room: " + problem);
        return RoomName.orDefault(raw);
    }

    private static Long cursor(String raw) throws Invalid {
        if (raw == null) return null;
        if (CURSOR.matcher(raw).matches()) {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException tooBig) {
                // falls through to the same answer as any other bad cursor
            }
        }
        throw new Invalid("Invalid query parameter 'cursor' (" + shown(raw) + "): must be a non-negative integer");
    }

    private static long waitMillis(String raw) throws Invalid {
        if (raw == null) return 0;
        if (SECONDS.matcher(raw).matches()) {
            double seconds = Double.parseDouble(raw);
            if (seconds <= MAX_WAIT_SECONDS) return Math.round(seconds * 1000);
        }
        throw new Invalid("Invalid query parameter 'wait' (" + shown(raw)
                + "): must be a number of seconds from 0 to " + (int) MAX_WAIT_SECONDS);
    }

    private static String shown(String raw) {
        String s = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return "'" + s + "'";
    }
}
