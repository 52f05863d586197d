package io.connlab.mock.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: a request with two Host headers was served, the first deciding the admin API's Host
 * check (a rebinding page could add a second). RFC 9112 3.2: 400. From a raw socket.
 */
class TwoHostHeadersTest {
    private TestHttp http;

    @AfterEach
    void stop() {
        if (http != null) http.close();
    }

    @Test
    void twoHostHeadersGet400AndTheServerServesOn() throws Exception {
        http = TestHttp.serveEveryPath(ex -> HttpIo.send(ex, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
        String answer = exchange("GET /x HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("more than one Host header"), answer);
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
            String normal = exchange("GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(normal.startsWith("HTTP/1.1 200 "), normal);
        });
    }

    private String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", http.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
