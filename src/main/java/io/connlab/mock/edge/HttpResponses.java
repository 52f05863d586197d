package io.connlab.mock.edge;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Complete HTTP/1.1 responses as bytes, for the edge to write itself when it refuses a
 * request (401, 429, 431) before any server sees it. Each carries Content-Length and
 * {@code Connection: close}, since the edge closes the connection after writing it.
 */
public final class HttpResponses {
    private HttpResponses() {
    }

    /** A response with a text body (UTF-8) of the given content type, plus extra headers. */
    public static byte[] text(int status, String reason, String contentType, String body,
                              Map<String, String> extraHeaders) {
        if (status < 100 || status > 999) throw new IllegalArgumentException("bad status " + status);
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(status).append(' ').append(checked(reason)).append("\r\n");
        if (contentType != null) head.append("Content-Type: ").append(checked(contentType)).append("\r\n");
        head.append("Content-Length: ").append(payload.length).append("\r\n");
        head.append("Connection: close\r\n");
        if (extraHeaders != null) {
            for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
                head.append(checked(h.getKey())).append(": ").append(checked(h.getValue())).append("\r\n");
            }
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + payload.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(payload, 0, all, headBytes.length, payload.length);
        return all;
    }

    /** A JSON response ({@code application/json}), the way API Gateway answers its errors. */
    public static byte[] json(int status, String reason, String json, Map<String, String> extraHeaders) {
        return text(status, reason, "application/json", json, extraHeaders);
    }

    private static String checked(String s) {
        // a CR or LF in a header line would let a value inject headers or end the head early
        if (s == null || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header text must not be null or contain CR/LF: " + s);
        }
        return s;
    }
}
