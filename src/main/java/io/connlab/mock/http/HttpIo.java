package io.connlab.mock.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
    /** A refused body up to this size is read and dropped before answering. */
    public static final long MAX_DISCARD_BYTES = 16L << 20;

    private HttpIo() {
    }

    /** Thrown when a body is larger than allowed; the caller answers as its AWS service would. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("body larger than " + limit + " bytes");
        }
    }

    /**
     * Reads the request body, refusing one over {@code limit} bytes. A refused body is thrown
     * away unread up to {@link #MAX_DISCARD_BYTES}, so a client still writing it reads the
     * error answer instead of a reset connection; a larger declared one is answered at once.
     */
    public static byte[] readBody(HttpExchange ex, int limit) throws IOException {
        long declared = declaredLength(ex);
        InputStream in = ex.getRequestBody();
        if (declared > limit) {
            if (declared <= MAX_DISCARD_BYTES) discard(in, declared);
            throw new TooLarge(limit);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            discard(in, MAX_DISCARD_BYTES);
            throw new TooLarge(limit);
        }
        return body;
    }

    /** Reads and drops a body the handler ignores; throws {@link TooLarge} as {@link #readBody} does. */
    public static void skipBody(HttpExchange ex, long limit) throws IOException {
        long declared = declaredLength(ex);
        InputStream in = ex.getRequestBody();
        if (declared > limit) {
            if (declared <= MAX_DISCARD_BYTES) discard(in, declared);
            throw new TooLarge(limit);
        }
        if (discard(in, limit + 1) > limit) {
            discard(in, MAX_DISCARD_BYTES);
            throw new TooLarge(limit);
        }
    }

    /** The declared Content-Length, or -1 (chunked, or none). */
    private static long declaredLength(HttpExchange ex) {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) return -1;
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1; // the JDK server refuses a malformed Content-Length before a handler sees it
        }
    }

    /** Reads and drops up to {@code max} bytes; returns how many it read. */
    private static long discard(InputStream in, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long read = 0;
        while (read < max) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, max - read));
            if (n < 0) break;
            read += n;
        }
        return read;
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

    /** Sends bytes with the status and content type; an empty body for 204. Never throws. */
    public static void send(HttpExchange ex, int status, String contentType, byte[] body) {
        try {
            if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
            boolean noBody = status == 204 || body == null || "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientGone) {
            // the client went away; nothing to answer
        } finally {
            ex.close();
        }
    }
}
