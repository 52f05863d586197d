package io.connlab.lane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connlab.metrics.LaneRecorder.Invocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns what the function endpoint answered into a {@link Invocation}: its figures on
 * success, and on failure an error kind that stays the same between mock and AWS:
 * "throttled" (429 TooManyRequestsException), "db-too-many-clients" (SQLSTATE 53300),
 * "function-error" (the function failed otherwise), "http-NNN" (anything else).
 * Database figures the answer lacks are -1 (unknown), not 0.
 */
final class InvocationAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InvocationAnswer() {
    }

    static Invocation parse(int status, String errorTypeHeader, byte[] body, double roundTripMs) {
        JsonNode n = null;
        try {
            n = JSON.readTree(body);
        } catch (IOException notJson) {
            // handled below: a body we cannot read is still an answer
        }
        if (n != null && !n.isObject()) n = null;
        String error = n == null ? null : text(n, "error");
        String errorCode = n == null ? null : text(n, "errorCode");
        String message = n == null ? null : text(n, "message");
        String kind = null;
        if (status == 429 || (errorTypeHeader != null && errorTypeHeader.startsWith("TooManyRequestsException"))) {
            kind = "throttled";
            if (error == null) error = message != null ? message : "TooManyRequestsException";
        } else if ("53300".equals(errorCode) || (error != null && error.contains("too many clients"))) {
            kind = "db-too-many-clients";
        } else if (error != null) {
            kind = "function-error";
        } else if (status != 200) {
            kind = "http-" + status;
            error = message != null ? message
                    : "HTTP " + status + ": " + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        } else if (n == null) {
            kind = "bad-response";
            error = "the function's answer is not a JSON object";
        }
        if (n == null) n = JSON.createObjectNode();
        return new Invocation(text(n, "container"), n.path("coldStart").asBoolean(false),
                n.path("initMs").asDouble(0), n.path("connectMs").asDouble(0), n.path("queryMs").asDouble(0),
                n.path("totalMs").asDouble(0), roundTripMs, n.path("dbConnections").asInt(-1),
                n.path("dbMaxConnections").asInt(-1), kind, error);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
