package io.connlab.run;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The room a run joins (the backend contract's rooms: a room partitions the message stream). A run
 * joins this app instance's own room, {@code run-<8 hex>}, unless it asks for a named one (an
 * instructor's, for a class). The WebSocket connect URL and the poll query carry it as
 * {@code room=R}, an SNS publish as its String attribute {@code room}.
 */
public final class Room {
    /** Where clients that name no room are: the chat sample's whole stream. */
    public static final String DEFAULT = "default";
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final String OWN = "run-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());

    private Room() {
    }

    /** This app instance's own room, the same for every run it makes. */
    public static String own() {
        return OWN;
    }

    /** Why {@code name} is not a room name (1-64 of A-Z a-z 0-9 _ -), or null when it is one. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "a room name is 1 to " + MAX_LENGTH + " characters";
        if (name.length() > MAX_LENGTH) return "a room name is at most " + MAX_LENGTH + " characters";
        if (!VALID.matcher(name).matches()) return "a room name holds only A-Z, a-z, 0-9, '_' and '-'";
        return null;
    }

    /** {@code url} with {@code room=R} added to its query. */
    public static String into(String url, String room) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String sep = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + sep + "room=" + URLEncoder.encode(room, StandardCharsets.UTF_8) + (hash < 0 ? "" : url.substring(hash));
    }

    /** {@code uri} with {@code room=R} added to its query. */
    public static URI into(URI uri, String room) {
        return URI.create(into(uri.toString(), room));
    }
}
