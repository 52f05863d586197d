package io.connlab.mock.sns;

import com.sun.net.httpserver.HttpExchange;
import io.connlab.mock.http.HttpIo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads an AWS Query request's parameters: the URL query, and for POST the
 * form-encoded body, read up to a bound. A body over the bound is an SNS
 * "Message too long"; it is thrown away unread up to a larger bound, so a client
 * still writing it sees the answer instead of a reset connection.
 */
final class QueryRequest {
    static final int MAX_BODY_BYTES = 1 << 20;
    /** A declared body up to this is skipped before answering; a larger one is answered at once. */
    static final long MAX_DISCARD_BYTES = 16L << 20;

    private QueryRequest() {
    }

    static Map<String, String> parameters(HttpExchange ex) throws IOException, SnsError {
        Map<String, String> params = HttpIo.query(ex);
        if ("POST".equals(ex.getRequestMethod())) {
            params.putAll(HttpIo.parseForm(new String(body(ex), StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static byte[] body(HttpExchange ex) throws IOException, SnsError {
        long declared = declaredLength(ex);
        InputStream in = ex.getRequestBody();
        if (declared > MAX_BODY_BYTES) {
            if (declared <= MAX_DISCARD_BYTES) discard(in, declared);
            throw SnsError.messageTooLong();
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            discard(in, MAX_DISCARD_BYTES);
            throw SnsError.messageTooLong();
        }
        return body;
    }

    private static long declaredLength(HttpExchange ex) {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) return -1;
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1; // the JDK server refuses a malformed Content-Length before we see it
        }
    }

    private static void discard(InputStream in, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = max;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) return;
            left -= n;
        }
    }
}
