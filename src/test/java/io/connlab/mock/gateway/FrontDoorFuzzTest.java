package io.connlab.mock.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 1: a connection that sent only {@code \r\n\r\n} threw in the front door on
 * Java-WebSocket's selector thread, which stopped the whole WebSocket API. Odd request heads, each
 * from a raw socket: every one gets an answer or a close, and a normal client is served within a
 * second after each.
 */
class FrontDoorFuzzTest {
    private static final String GOOD = "GET /dev HTTP/1.1\r\nHost: x\r\n" + RawWebSocket.HANDSHAKE;
    @RegisterExtension
    final GatewayFixture fixture = new GatewayFixture();

    @Test
    void blankLinesAloneAreAnswered400AndTheGatewayServesOn() throws Exception {
        GatewayTesting.assertStillChats(fixture.address); // before the attack: it serves, and the client is warm
        for (String head : new String[]{"\r\n\r\n", "\r\n\r\n\r\n\r\n", "\r\n\r\nGET /dev HTTP/1.1\r\n\r\n"}) {
            assertEquals("HTTP/1.1 400 Bad Request", GatewayTesting.answerTo(fixture.address, latin1(head)), printable(head));
            GatewayTesting.assertServedWithinASecond(fixture.address);
        }
    }

    @Test
    void oddHeadsEachGetTheirAnswerAndTheGatewayServesAfterEach() throws Exception {
        GatewayTesting.assertStillChats(fixture.address); // before the attack: it serves, and the client is warm
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("\n\n", "HTTP/1.1 400 Bad Request");
        expected.put("\n", "HTTP/1.1 400 Bad Request");
        expected.put("\r\n\n", "HTTP/1.1 400 Bad Request");
        expected.put(GOOD.replace("\r\n", "\n") + "\n", "HTTP/1.1 400 Bad Request"); // a whole handshake, LF only
        expected.put("\r\n", "HTTP/1.1 400 Bad Request"); // an empty request line, refused before the head ends
        expected.put("\0\0\0\0\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("\0".repeat(20_000), "HTTP/1.1 431 Request Header Fields Too Large");
        expected.put("GET /dev HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", "HTTP/1.1 431 Request Header Fields Too Large");
        expected.put("GET /d\u00c3\u00a9v HTTP/1.1\r\n\r\n", "HTTP/1.1 403 Forbidden"); // UTF-8 bytes in the path
        expected.put(GOOD + "X-Name: \u00ff\u00fe\u0080\r\n\r\n", "HTTP/1.1 101"); // obs-text is allowed
        expected.put("GET /dev HTTP/1.1", ""); // truncated request line, then the client ends
        expected.put("GET /dev HTT", "");
        expected.put("GET\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("GET /dev HTTP/1.1\r\nHost: x\r\n", ""); // a valid start, then the client ends
        expected.put("GET\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("GET \r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("GET  HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("GET dev HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("GET /dev  HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put(" GET /dev HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("GET /dev HTTP/1.1\r\nno colon here\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put(GOOD + " folded: line\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put(GOOD + "Bad Name: x\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put(GOOD + ": no name\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put(GOOD + "X-Many: y\r\n".repeat(1000) + "\r\n", "HTTP/1.1 101"); // 12 KB of headers
        expected.put(GOOD + "X-Many: y\r\n".repeat(2000) + "\r\n", "HTTP/1.1 431 Request Header Fields Too Large");
        expected.put(GOOD + "\r\r\n\r\n", "HTTP/1.1 400 Bad Request");
        expected.put("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003", ""); // a TLS ClientHello's start
        expected.put("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "HTTP/1.1 400 Bad Request"); // an HTTP/2 preface
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String answer = GatewayTesting.answerTo(fixture.address, latin1(e.getKey()));
            if (e.getValue().isEmpty()) {
                assertEquals("", answer, printable(e.getKey()));
            } else {
                assertTrue(answer.startsWith(e.getValue().substring(0, 12)), printable(e.getKey()) + " answered " + answer);
            }
            GatewayTesting.assertServedWithinASecond(fixture.address);
        }
    }

    /** Random heads from the pieces a broken or hostile client sends; seeded, the seed in every message. */
    @Test
    void randomHeadsNeverStopTheGateway() throws Exception {
        GatewayTesting.assertStillChats(fixture.address); // before the attack: it serves, and the client is warm
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String[] pieces = {"GET", "POST", " ", "  ", "/dev", "/dev?token=x", "/", "*", "HTTP/1.1", "HTTP/1.0", "HTTP/",
                "\r\n", "\n", "\r", "\0", "\r\n\r\n", "\n\n", "Host: x\r\n", "Host: y\r\n", RawWebSocket.HANDSHAKE, ":", " :",
                "\u00c3\u00a9", "\u00ff\u00fe", "\t", "Upgrade: websocket\r\n", "Sec-WebSocket-Version: 8\r\n",
                "X-Long: " + "z".repeat(3000), "Connection: Upgrade, Upgrade\r\n", "\u0016\u0003\u0001"};
        for (int i = 0; i < 300; i++) {
            StringBuilder head = new StringBuilder(random.nextBoolean() ? GOOD : "");
            for (int n = random.nextInt(12); n >= 0; n--) head.append(pieces[random.nextInt(pieces.length)]);
            if (random.nextBoolean()) head.append("\r\n\r\n");
            String answer = GatewayTesting.answerTo(fixture.address, latin1(head.toString()));
            String what = "seed " + seed + ", head " + i + ": " + printable(head.toString());
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 101"),
                    what + " answered " + answer);
            if (i % 50 == 49) GatewayTesting.assertServedWithinASecond(fixture.address);
        }
        GatewayTesting.assertServedWithinASecond(fixture.address);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        String shown = s.length() > 120 ? s.substring(0, 120) + "...(" + s.length() + " chars)" : s;
        return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
