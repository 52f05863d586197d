package io.connlab.mock.sns;

import io.connlab.mock.http.HttpExchange;
import io.connlab.mock.http.HttpIo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads an AWS Query request's parameters: the URL query, and for POST the
 * form-encoded body, read up to a bound, both parsed strictly ({@link QueryForm}). A body over the bound is an SNS
 * "Message too long"; it is thrown away unread up to a larger bound, so a client
 * still writing it sees the answer instead of a reset connection.
 */
final class QueryRequest {
    static final int MAX_BODY_BYTES = 1 << 20;

    private QueryRequest() {
    }

    static Map<String, String> parameters(HttpExchange ex) throws IOException, SnsError {
        String query = ex.getRequestURI().getRawQuery();
        // The server read the request line byte for byte as Latin-1: this gives those bytes back.
        Map<String, String> params = QueryForm.parse(query == null ? new byte[0] : query.getBytes(StandardCharsets.ISO_8859_1));
        if ("POST".equals(ex.getRequestMethod())) params.putAll(QueryForm.parse(body(ex)));
        return params;
    }

    private static byte[] body(HttpExchange ex) throws IOException, SnsError {
        try {
            return HttpIo.readBody(ex, MAX_BODY_BYTES);
        } catch (HttpIo.TooLarge e) {
            throw SnsError.messageTooLong();
        }
    }
}
