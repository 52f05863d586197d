package io.connlab.mock.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which HTTP/1.1 requests turn a connection into HTTP/2 (Upgrade: h2c), and that every other one stays HTTP/1.1. */
class H2cUpgradeTest {
    private static final String SETTINGS = "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n"; // base64url of a SETTINGS payload
    private TestHttp http;
    private Socket s;

    @AfterEach
    void stop() throws IOException {
        if (s != null) s.close();
        if (http != null) http.close();
    }

    private String exchange(String request, int answers) throws IOException {
        s = new Socket("127.0.0.1", http.port());
        s.setSoTimeout(10_000);
        s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder got = new StringBuilder();
        byte[] b = new byte[8192];
        while (got.toString().split("HTTP/1.1 200 OK", -1).length - 1 < answers) {
            int n = s.getInputStream().read(b);
            if (n < 0) break;
            got.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
        }
        return got.toString();
    }

    private void serveEcho() throws IOException {
        http = TestHttp.serveEveryPath(ex -> ex.respond(200, "text/plain",
                (ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + ex.bodyBytes()).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRequestWithABodyThatAsksForH2cIsServedAsHttp11() throws Exception {
        serveEcho();
        String answer = exchange("POST /p HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n" + SETTINGS
                + "Content-Length: 5\r\n\r\nhello", 1);
        assertTrue(answer.startsWith("HTTP/1.1 200 OK") && answer.endsWith("POST /p 5"), answer);
    }

    @Test
    void onlyAFirstRequestCanUpgradeAndAnIncompleteAskIsServedAsHttp11() throws Exception {
        serveEcho();
        String answer = exchange("GET /one HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n" // no HTTP2-Settings
                + "GET /two HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n" + SETTINGS + "\r\n", 2);
        assertTrue(answer.contains("GET /one 0") && answer.endsWith("GET /two 0"), answer);
        assertTrue(!answer.contains("101"), answer);
    }

    @Test
    void aWebSocketHandshakeOnTheHttpPortIsServedAsBefore() throws Exception {
        serveEcho();
        String answer = exchange("GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", 1);
        assertTrue(answer.startsWith("HTTP/1.1 200 OK") && answer.endsWith("GET /ws 0"), answer);
    }

    @Test
    void aFirstGetThatAsksIsAnsweredOnStreamOneOverHttp2() throws Exception {
        serveEcho();
        s = new Socket("127.0.0.1", http.port());
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET /up HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + SETTINGS + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        DataInputStream in = new DataInputStream(s.getInputStream());
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.readUnsignedByte());
        assertTrue(head.toString().startsWith("HTTP/1.1 101 Switching Protocols"), head.toString());
        assertTrue(head.toString().toLowerCase().contains("upgrade: h2c"), head.toString());
        s.getOutputStream().write(RawH2.PREFACE); // the client's preface follows the 101
        s.getOutputStream().write(new byte[]{0, 0, 0, RawH2.SETTINGS, 0, 0, 0, 0, 0});
        String data = null;
        while (data == null) {
            byte[] h = new byte[9];
            in.readFully(h);
            byte[] payload = new byte[((h[0] & 0xff) << 16) | ((h[1] & 0xff) << 8) | (h[2] & 0xff)];
            in.readFully(payload);
            int stream = h[8] & 0xff;
            if (h[3] == RawH2.DATA && stream == 1) data = new String(payload, StandardCharsets.UTF_8);
        }
        assertEquals("GET /up 0", data);
    }
}
