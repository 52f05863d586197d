package io.connlab.mock.gateway;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontDoorTest {
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);

    private FrontDoor door(String token, int perSecond) {
        return new FrontDoor("dev", token, new ConnectRate(perSecond, clock::get));
    }

    static String head(String target, String... extraHeaders) {
        return headWithVersion(target, "13", extraHeaders);
    }

    private static String headWithVersion(String target, String version, String... extraHeaders) {
        StringBuilder h = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: " + version + "\r\n");
        for (String e : extraHeaders) h.append(e).append("\r\n");
        return h.append("\r\n").toString();
    }

    /** Splits a refusal into head and body, checking its framing. */
    private static String[] response(byte[] refusal) {
        String text = new String(refusal, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        assertTrue(head.contains("\r\nContent-Type: application/json"), head);
        assertTrue(head.contains("\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length), head);
        assertTrue(head.contains("\r\nConnection: close"), head);
        return new String[]{head.substring(0, head.indexOf("\r\n")), body, head};
    }

    @Test
    void withoutATokenConfiguredEveryHandshakeOnTheStageIsAdmitted() {
        assertNull(door(null, 500).refusal(head("/dev?x=1", "User-Agent: test")));
        assertNull(door(null, 500).refusal(head("/dev/")));
    }

    @Test
    void theRightTokenIsAdmitted() {
        assertNull(door("s3cret", 500).refusal(head("/dev?token=s3cret")));
    }

    @Test
    void aMissingOrWrongTokenGets401() {
        FrontDoor door = door("s3cret", 500);
        for (String target : new String[]{"/dev", "/dev?token=", "/dev?token=S3CRET", "/dev?tok=s3cret", "/dev?token=s3cret2"}) {
            String[] r = response(door.refusal(head(target)));
            assertEquals("HTTP/1.1 401 Unauthorized", r[0], target);
            assertEquals("{\"message\":\"Unauthorized\"}", r[1], target);
        }
        assertNull(door.refusal(head("/dev?token=s3cret")), "the right token still works");
    }

    /** Issue 18: the authorizer answers before the quota counts, so wrong tokens cannot use it up. */
    @Test
    void wrongTokensDoNotCountAgainstTheConnectQuota() {
        FrontDoor door = door("s3cret", 2);
        for (int i = 0; i < 10; i++) assertEquals("HTTP/1.1 401 Unauthorized", response(door.refusal(head("/dev?token=no")))[0]);
        assertNull(door.refusal(head("/dev?token=s3cret")));
        assertNull(door.refusal(head("/dev?token=s3cret")));
        assertEquals("HTTP/1.1 429 Too Many Requests", response(door.refusal(head("/dev?token=s3cret")))[0]);
    }

    @Test
    void twoHostHeadersOrAMalformedHeaderLineGet400() {
        FrontDoor door = door(null, 500);
        for (String extra : new String[]{"Host: other", "No colon", "Space before : colon", " folded"}) {
            assertEquals("HTTP/1.1 400 Bad Request", response(door.refusal(head("/dev", extra)))[0], extra);
        }
    }

    @Test
    void aWrongPathGets403() {
        FrontDoor door = door(null, 500);
        for (String target : new String[]{"/", "/prod", "/dev/extra", "/devx", "/dev/@connections/abc"}) {
            String[] r = response(door.refusal(head(target)));
            assertEquals("HTTP/1.1 403 Forbidden", r[0], target);
            assertEquals("{\"message\":\"Forbidden\"}", r[1], target);
        }
    }

    @Test
    void connectsPastTheRateInOneSecondGet429UntilTheNextSecond() {
        FrontDoor door = door(null, 3);
        for (int i = 0; i < 3; i++) assertNull(door.refusal(head("/dev")));

        String[] r = response(door.refusal(head("/dev")));
        assertEquals("HTTP/1.1 429 Too Many Requests", r[0]);
        assertEquals("{\"message\":\"Too Many Requests\"}", r[1]);

        clock.addAndGet(1_000_000_000L);
        assertNull(door.refusal(head("/dev")));
    }

    @Test
    void garbageAndNonGetRequestsGet400() {
        FrontDoor door = door(null, 500);
        assertEquals("HTTP/1.1 400 Bad Request", response(door.refusal("\u0016\u0003\u0001 garbage\r\n\r\n"))[0]);
        assertEquals("HTTP/1.1 400 Bad Request", response(door.refusal("POST /dev HTTP/1.1\r\n\r\n"))[0]);
        assertEquals("HTTP/1.1 400 Bad Request", response(door.refusal("GET /dev HTTP/1.0\r\n\r\n"))[0]);
    }

    /** RFC 6455 4.2.1: a request that is not a complete WebSocket handshake is answered 400, never 101. */
    @Test
    void aHandshakeWithoutUpgradeConnectionOrKeyGets400() {
        FrontDoor door = door(null, 500);
        String plainGet = "GET /dev HTTP/1.1\r\nHost: x\r\n\r\n";
        String noUpgrade = head("/dev").replace("Upgrade: websocket\r\n", "");
        String noConnection = head("/dev").replace("Connection: Upgrade\r\n", "Connection: keep-alive\r\n");
        String badKey = head("/dev").replace("dGhlIHNhbXBsZSBub25jZQ==", "short");
        for (String h : new String[]{plainGet, noUpgrade, noConnection, badKey}) {
            assertEquals("HTTP/1.1 400 Bad Request", response(door.refusal(h))[0], h);
        }
        assertNull(door.refusal(head("/dev").replace("Connection: Upgrade", "connection: keep-alive, Upgrade")));
    }

    /** RFC 6455 4.4: an unsupported version is answered 426 with the versions the server speaks. */
    @Test
    void anotherVersionGets426WithTheVersionWeSpeak() {
        for (String version : new String[]{"8", "14", "x"}) {
            String[] r = response(door(null, 500).refusal(headWithVersion("/dev", version)));
            assertEquals("HTTP/1.1 426 Upgrade Required", r[0]);
            assertTrue(r[2].contains("\r\nSec-WebSocket-Version: 13"), r[2]);
        }
        String[] missing = response(door(null, 500).refusal(head("/dev").replace("Sec-WebSocket-Version: 13\r\n", "")));
        assertEquals("HTTP/1.1 426 Upgrade Required", missing[0]);
    }
}
