package io.connlab.mock.edge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpResponsesTest {

    @Test
    void aResponseCarriesItsLengthAndClosesTheConnection() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Retry-After", "1");
        byte[] r = HttpResponses.text(429, "Too Many Requests", "text/plain; charset=utf-8", "slow down é", extra);
        assertEquals("HTTP/1.1 429 Too Many Requests\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 12\r\n"
                + "Connection: close\r\n"
                + "Retry-After: 1\r\n"
                + "\r\n"
                + "slow down é", new String(r, StandardCharsets.UTF_8));
    }

    @Test
    void headerTextCannotInjectLines() {
        assertThrows(IllegalArgumentException.class,
                () -> HttpResponses.text(401, "Unauthorized", "text/plain", "", Map.of("X", "a\r\nSet-Cookie: b")));
        assertThrows(IllegalArgumentException.class, () -> HttpResponses.text(42, "x", null, "", Map.of()));
    }
}
