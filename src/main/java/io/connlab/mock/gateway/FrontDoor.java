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
 * for a version other than 13, as RFC 6455 says), a wrong path 403, a handshake past the
 * per-second connect quota 429, and with a token configured, one without {@code ?token=} equal
 * to it 401, and a {@code ?room=} that is no room name 400. Runs in the gateway's channel, before Java-WebSocket sees a byte: it can only refuse with 404.
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
     * @param requestHead the request head (ISO-8859-1) up to and including its blank line
     * @return null to admit, else the complete response that refuses the handshake
     */
    byte[] refusal(String requestHead) {
        String[] lines = requestHead.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            return refuse(400, "Bad Request", "BadRequestException");
        }
        String target = requestLine[1];
        int q = target.indexOf('?');
        if (!WebSocketGateway.isStagePath(q < 0 ? target : target.substring(0, q), stage)) {
            return refuse(403, "Forbidden", "ForbiddenException");
        }
        if (!"GET".equals(requestLine[0]) || !"HTTP/1.1".equals(requestLine[2])) {
            return refuse(400, "Bad Request", "BadRequestException");
        }
        Map<String, String> headers = headers(lines);
        if (!hasToken(headers.get("upgrade"), "websocket") || !hasToken(headers.get("connection"), "upgrade")
                || !isKey(headers.get("sec-websocket-key"))) {
            return refuse(400, "Bad Request: not a WebSocket handshake", "BadRequestException");
        }
        if (!"13".equals(headers.get("sec-websocket-version"))) {
            return refuse(426, "Upgrade Required: this server speaks WebSocket version 13", "BadRequestException",
                    Map.of("Sec-WebSocket-Version", "13"));
        }
        if (!rate.tryAcquire()) return refuse(429, "Too Many Requests", "TooManyRequestsException");
        Map<String, String> query = HttpIo.parseForm(q < 0 ? null : target.substring(q + 1));
        if (token != null) {
            String given = query.get("token");
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                return refuse(401, "Unauthorized", "UnauthorizedException");
            }
        }
        String roomProblem = RoomName.problem(query.get("room"));
        if (roomProblem != null) return refuse(400, "Invalid room: " + roomProblem, "BadRequestException");
        return null;
    }

    /** Header names in lower case; a repeated header's values joined with commas (RFC 9110). */
    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.merge(name, lines[i].substring(colon + 1).trim(), (a, b) -> a + "," + b);
        }
        return headers;
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
            403, "Forbidden", 426, "Upgrade Required", 429, "Too Many Requests", 431, "Request Header Fields Too Large");

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
