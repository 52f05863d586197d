package io.connlab.mock.gateway;

import io.connlab.mock.RoomName;
import io.connlab.mock.edge.HttpResponses;
import io.connlab.mock.http.HttpIo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What API Gateway's edge does with a WebSocket upgrade request before {@code $connect} runs:
 * a request that is not a WebSocket handshake gets 400 (426 with {@code Sec-WebSocket-Version}
 * for a version other than 13, as RFC 6455 says; also a malformed head or two Host headers), a
 * wrong path 403, with a token configured one without {@code ?token=} equal to it 401, a
 * {@code ?room=} that is no room name 400, and a handshake past the per-second connect quota 429
 * (only one that passed the token and the room counts). Runs in the gateway's channel, before
 * Java-WebSocket sees a byte: it can only refuse with 404.
 */
final class FrontDoor {
    private final String stage;
    private final byte[] token;
    private final ConnectRate rate;

    FrontDoor(String stage, String tokenOrNull, ConnectRate rate) {
        this.stage = stage;
        this.token = tokenOrNull == null ? null : tokenOrNull.getBytes(StandardCharsets.UTF_8);
        this.rate = rate;
    }

    /**
     * @param requestHead the request head (ISO-8859-1) up to and including its blank line, every
     *                    line ended by CRLF ({@link HandshakeGate} refuses a bare LF before this)
     * @return null to admit, else the complete response that refuses the handshake
     */
    byte[] refusal(String requestHead) {
        // limit -1: a head of blank lines is still a (blank) request line, never an empty array
        String[] lines = requestHead.substring(0, Math.max(0, requestHead.length() - 4)).split("\r\n", -1);
        byte[] badLine = requestLineRefusal(lines[0]);
        if (badLine != null) return badLine;
        String target = lines[0].split(" ", -1)[1];
        int q = target.indexOf('?');
        Map<String, String> headers = headers(lines);
        if (headers == null) return refuse(400, "Bad Request: malformed header field", "BadRequestException");
        if (headers.getOrDefault("host", "").contains(",")) {
            return refuse(400, "Bad Request: more than one Host header", "BadRequestException");
        }
        if (!hasToken(headers.get("upgrade"), "websocket") || !hasToken(headers.get("connection"), "upgrade")
                || !isKey(headers.get("sec-websocket-key"))) {
            return refuse(400, "Bad Request: not a WebSocket handshake", "BadRequestException");
        }
        if (!"13".equals(headers.get("sec-websocket-version"))) {
            return refuse(426, "Upgrade Required: this server speaks WebSocket version 13", "BadRequestException",
                    Map.of("Sec-WebSocket-Version", "13"));
        }
        // The authorizer before the quota: an outsider's wrong tokens must not use up the class's connects.
        Map<String, String> query = HttpIo.parseForm(q < 0 ? null : target.substring(q + 1));
        if (token != null) {
            String given = query.get("token");
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                return refuse(401, "Unauthorized", "UnauthorizedException");
            }
        }
        String roomProblem = RoomName.problem(query.get("room"));
        if (roomProblem != null) return refuse(400, "Invalid room: " + roomProblem, "BadRequestException");
        if (!rate.tryAcquire()) return refuse(429, "Too Many Requests", "TooManyRequestsException");
        return null;
    }

    /**
     * Checks the request line alone, as soon as it has arrived: Java-WebSocket acts on a bad one
     * (with a 404) before the rest of the head is there.
     *
     * @param requestLine the first line of the head, without its CRLF
     * @return null when it is a GET of the stage's path in HTTP/1.1, else the refusal
     */
    byte[] requestLineRefusal(String requestLine) {
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/") || !parts[2].startsWith("HTTP/")) {
            return refuse(400, "Bad Request", "BadRequestException");
        }
        int q = parts[1].indexOf('?');
        if (!WebSocketGateway.isStagePath(q < 0 ? parts[1] : parts[1].substring(0, q), stage)) {
            return refuse(403, "Forbidden", "ForbiddenException");
        }
        if (!"GET".equals(parts[0]) || !"HTTP/1.1".equals(parts[2])) {
            return refuse(400, "Bad Request", "BadRequestException");
        }
        return null;
    }

    /**
     * Header names in lower case; a repeated header's values joined with commas (RFC 9110). Null
     * when a line is not a header field (no name, whitespace before the colon, or an obsolete
     * folded line), which RFC 9112 answers with 400 and Java-WebSocket would answer with 404.
     */
    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!isHeaderField(line)) return null;
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + "," + b);
        }
        return headers;
    }

    /** A name (no whitespace in or around it), a colon, a value. Java-WebSocket answers any other line with 404. */
    static boolean isHeaderField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) return false;
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') return false;
        }
        return true;
    }

    private static boolean hasToken(String value, String wanted) {
        if (value == null) return false;
        for (String t : value.split(",")) {
            if (t.trim().equalsIgnoreCase(wanted)) return true;
        }
        return false;
    }

    /** RFC 6455 4.1: the key is 16 random bytes, base64-encoded. */
    private static boolean isKey(String key) {
        if (key == null) return false;
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 408, "Request Timeout", 426, "Upgrade Required", 429, "Too Many Requests",
            431, "Request Header Fields Too Large");

    /** A complete HTTP response refusing the handshake, as API Gateway's edge answers it. */
    static byte[] refuse(int status, String message, String errorType) {
        return refuse(status, message, errorType, Map.of());
    }

    private static byte[] refuse(int status, String message, String errorType, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("x-amzn-ErrorType", errorType);
        headers.put("x-amzn-RequestId", AwsIds.next());
        return HttpResponses.json(status, REASONS.get(status), "{\"message\":\"" + message + "\"}", headers);
    }
}
