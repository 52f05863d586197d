package io.connlab.mock;

import java.util.regex.Pattern;

/**
 * A room's name as the backend contract fixes it: 1 to 64 characters of {@code [A-Za-z0-9_-]};
 * absent means {@link #DEFAULT}, so the chat sample's protocol and every client that knows no
 * rooms share one room. The WebSocket handshake, the poll and SNS's {@code room} attribute all check it here.
 */
public final class RoomName {
    public static final String DEFAULT = "default";
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private RoomName() {
    }

    /** Why {@code raw} is not a room name, or null when it is one (null itself is: the default room). */
    public static String problem(String raw) {
        if (raw == null) return null;
        if (raw.isEmpty()) return "empty (leave room out for the default room)";
        if (raw.length() > MAX_LENGTH) return "longer than " + MAX_LENGTH + " characters";
        if (!VALID.matcher(raw).matches()) return "only A-Z, a-z, 0-9, '_' and '-' are allowed";
        return null;
    }

    /** The room {@code raw} names: {@link #DEFAULT} when absent; call it only when {@link #problem} is null. */
    public static String orDefault(String raw) {
        return raw == null ? DEFAULT : raw;
    }
}
