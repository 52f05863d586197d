package io.connlab.mock.gateway;

import io.connlab.mock.edge.Admission;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontDoorTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("10.1.2.3", 51234);
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);

    private FrontDoor door(String token, int perSecond) {
        return new FrontDoor("dev", token, new ConnectRate(perSecond, clock::get));
    }

    private static String head(String target, String... extraHeaders) {
        StringBuilder h = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n");
        for (String e : extraHeaders) h.append(e).append("\r\n");
        return h.append("\r\n").toString();
    }

    /** Splits a refusal into status line and body, checking its framing. */
    private static String[] response(Admission.Verdict v) {
        assertFalse(v.admitted());
        String text = new String(v.bytes(), StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        assertTrue(head.contains("\r\nContent-Type: application/json"), head);
        assertTrue(head.contains("\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length), head);
        assertTrue(head.contains("\r\nConnection: close"), head);
        return new String[]{head.substring(0, head.indexOf("\r\n")), body};
    }

    @Test
    void needsTheRequestHead() {
        assertTrue(door(null, 500).needsRequestHead());
    }

    @Test
    void withoutATokenConfiguredEveryHandshakeOnTheStageIsAdmittedWithXForwardedFor() {
        Admission.Verdict v = door(null, 500).decide(CLIENT, head("/dev?x=1", "User-Agent: test"));

        assertTrue(v.admitted());
        String forwarded = new String(v.bytes(), StandardCharsets.ISO_8859_1);
        assertTrue(forwarded.startsWith("GET /dev?x=1 HTTP/1.1\r\n"), forwarded);
        assertTrue(forwarded.contains("\r\nUser-Agent: test\r\n"), forwarded);
        assertTrue(forwarded.endsWith("\r\nX-Forwarded-For: 10.1.2.3\r\n\r\n"), forwarded);
    }

    @Test
    void aClientsOwnXForwardedForIsReplaced() {
        Admission.Verdict v = door(null, 500).decide(CLIENT, head("/dev", "x-forwarded-for: 6.6.6.6"));

        String forwarded = new String(v.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(forwarded.contains("6.6.6.6"), forwarded);
        assertTrue(forwarded.contains("X-Forwarded-For: 10.1.2.3\r\n"), forwarded);
    }

    @Test
    void theRightTokenIsAdmitted() {
        Admission.Verdict v = door("s3cret", 500).decide(CLIENT, head("/dev?token=s3cret"));

        assertTrue(v.admitted());
        assertTrue(new String(v.bytes(), StandardCharsets.ISO_8859_1).contains("X-Forwarded-For: 10.1.2.3"));
    }

    @Test
    void aMissingOrWrongTokenGets401() {
        FrontDoor door = door("s3cret", 500);
        for (String target : new String[]{"/dev", "/dev?token=", "/dev?token=S3CRET", "/dev?tok=s3cret", "/dev?token=s3cret2"}) {
            String[] r = response(door.decide(CLIENT, head(target)));
            assertEquals("HTTP/1.1 401 Unauthorized", r[0], target);
            assertEquals("{\"message\":\"Unauthorized\"}", r[1], target);
        }
        assertTrue(door.decide(CLIENT, head("/dev?token=s3cret")).admitted(), "the right token still works");
    }

    @Test
    void aWrongPathGets403() {
        FrontDoor door = door(null, 500);
        for (String target : new String[]{"/", "/prod", "/dev/extra", "/devx", "/dev/@connections/abc"}) {
            String[] r = response(door.decide(CLIENT, head(target)));
            assertEquals("HTTP/1.1 403 Forbidden", r[0], target);
            assertEquals("{\"message\":\"Forbidden\"}", r[1], target);
        }
        assertTrue(door.decide(CLIENT, head("/dev")).admitted());
    }

    @Test
    void connectsPastTheRateInOneSecondGet429UntilTheNextSecond() {
        FrontDoor door = door(null, 3);
        for (int i = 0; i < 3; i++) assertTrue(door.decide(CLIENT, head("/dev")).admitted());

        String[] r = response(door.decide(CLIENT, head("/dev")));
        assertEquals("HTTP/1.1 429 Too Many Requests", r[0]);
        assertEquals("{\"message\":\"Too Many Requests\"}", r[1]);

        clock.addAndGet(1_000_000_000L);
        assertTrue(door.decide(CLIENT, head("/dev")).admitted());
    }

    @Test
    void frontDoorsOfOneGatewayShareTheRate() {
        ConnectRate rate = new ConnectRate(1, clock::get);
        assertTrue(new FrontDoor("dev", null, rate).decide(CLIENT, head("/dev")).admitted());
        assertFalse(new FrontDoor("dev", "t", rate).decide(CLIENT, head("/dev?token=t")).admitted());
    }

    @Test
    void garbageAndNonGetRequestsGet400() {
        FrontDoor door = door(null, 500);
        assertEquals("HTTP/1.1 400 Bad Request", response(door.decide(CLIENT, null))[0]);
        assertEquals("HTTP/1.1 400 Bad Request", response(door.decide(CLIENT, "\u0016\u0003\u0001 garbage\r\n\r\n"))[0]);
        assertEquals("HTTP/1.1 400 Bad Request", response(door.decide(CLIENT, "POST /dev HTTP/1.1\r\n\r\n"))[0]);
        assertTrue(door.decide(CLIENT, head("/dev")).admitted());
    }

    @Test
    void gatewayFrontDoorAdmitsItsStage() throws Exception {
        try (WebSocketGateway gateway = new WebSocketGateway("dev", GatewayLimits.apiGateway(),
                io.connlab.mock.TimeScale.REAL, null)) {
            Admission door = gateway.frontDoor(null);
            assertTrue(door.needsRequestHead());
            assertTrue(door.decide(CLIENT, head("/dev")).admitted());
        }
    }
}
