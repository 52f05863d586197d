package io.connlab.mock.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the mock's HTTP handlers: read bounded bodies, parse queries, answer. */
public final class HttpIo {
    private static final Logger LOG = LoggerFactory.getLogger(HttpIo.class);
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private HttpIo() {
    }

    /** Thrown when a body is larger than allowed; the caller answers as its AWS service would. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("body larger than " + limit + " bytes");
        }
    }

    /**
     * The request body, refusing one over {@code limit} bytes. The server has already read it
     * (a refused one thrown away up to {@link HttpConnection#MAX_DISCARD_BYTES}, so a client
     * still writing it reads the error answer instead of a reset connection).
     */
    public static byte[] readBody(HttpExchange ex, int limit) throws TooLarge {
        if (ex.bodyTooLarge() || ex.bodyBytes() > limit) throw new TooLarge(limit);
        return ex.body();
    }

    /** For a handler that ignores the body: throws {@link TooLarge} as {@link #readBody} does. */
    public static void skipBody(HttpExchange ex, long limit) throws TooLarge {
        if (ex.bodyTooLarge() || ex.bodyBytes() > limit) throw new TooLarge(limit);
    }

    /** Parses {@code a=1&b=two} (URL-decoded; the last of repeated keys wins). */
    public static Map<String, String> parseForm(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                out.put(k, v);
            }
        }
        return out;
    }

    public static Map<String, String> query(HttpExchange ex) {
        return parseForm(ex.getRequestURI().getRawQuery());
    }

    /** Sends {@code body} as JSON with the status; closes the exchange. Never throws. */
    public static void json(HttpExchange ex, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            // a body Jackson cannot write is our bug: say so, and answer rather than hang up
            LOG.error("cannot write {} as JSON", body == null ? null : body.getClass().getName(), e);
            send(ex, 500, "application/json", "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(ex, status, "application/json", bytes);
    }

    /** The JSON error body API Gateway and Lambda use: {@code {"message": "..."}}. */
    public static void jsonMessage(HttpExchange ex, int status, String message) {
        json(ex, status, Map.of("message", message));
    }

    /** Sends bytes with the status and content type; an empty body for 204 and HEAD. Never throws. */
    public static void send(HttpExchange ex, int status, String contentType, byte[] body) {
        ex.respond(status, contentType, body);
    }
}
