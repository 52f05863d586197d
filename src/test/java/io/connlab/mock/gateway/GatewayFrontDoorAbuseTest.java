package io.connlab.mock.gateway;

import io.connlab.mock.TimeScale;
import io.connlab.mock.edge.NetworkConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18's minor WebSocket items, each from a raw socket, each followed by a client served within a second. */
class GatewayFrontDoorAbuseTest {
    private static final String HANDSHAKE = "GET /dev%s HTTP/1.1\r\nHost: x\r\n" + RawWebSocket.HANDSHAKE + "%s\r\n";
    @RegisterExtension
    final GatewayFixture fixture = new GatewayFixture();

    /** An outsider's loop of wrong tokens spent the 500-per-second connect quota and kept the class out. */
    @Test
    void wrongTokensAreRefused401WithoutSpendingTheConnectQuota() throws Exception {
        int perSecond = 5;
        try (WebSocketGateway gateway = new WebSocketGateway(new InetSocketAddress("127.0.0.1", 0), "dev",
                GatewayLimits.apiGateway().withNewConnectionsPerSecond(perSecond), TimeScale.REAL,
                new NetworkConditions(0, 0), "s3cret", null)) {
            InetSocketAddress address = gateway.start();
            for (int i = 0; i < 50; i++) {
                assertEquals("HTTP/1.1 401 Unauthorized", GatewayTesting.answerTo(address, head("?token=wrong" + i, "")));
            }
            // right after the flood, the whole quota is still there for the class
            for (int i = 0; i < perSecond; i++) {
                try (RawWebSocket ws = RawWebSocket.open(address, 0)) {
                    String answer = ws.request(new String(head("?token=s3cret", ""), StandardCharsets.ISO_8859_1));
                    assertEquals("HTTP/1.1 101", answer.substring(0, 12), "connect " + i + ": " + answer);
                }
            }
        }
    }

    /** Two Host headers were accepted; RFC 9112 3.2 answers 400, whichever host comes first. */
    @Test
    void twoHostHeadersGet400() throws Exception {
        GatewayTesting.assertStillChats(fixture.address);
        assertEquals("HTTP/1.1 400 Bad Request", GatewayTesting.answerTo(fixture.address, head("", "Host: evil.example\r\n")));
        GatewayTesting.assertServedWithinASecond(fixture.address);
    }

    /** RFC 6455 5.2: a 64-bit payload length's most significant bit MUST be 0; the close gave another reason. */
    @Test
    void aFrameLengthWithTheTopBitSetClosesWith1002() throws Exception {
        GatewayTesting.assertStillChats(fixture.address);
        try (RawWebSocket ws = RawWebSocket.connect(fixture.address)) {
            byte[] header = {(byte) 0x81, (byte) (0x80 | 127), (byte) 0x80, 0, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4};
            ws.socket.getOutputStream().write(header);
            assertEquals(1002, ws.awaitCloseCode());
            // it was 1002 before too, but for "must be masked": the check had lost the frame's boundaries
            assertTrue(ws.closeReason.contains("top bit"), ws.closeReason);
        }
        GatewayTesting.assertServedWithinASecond(fixture.address);
    }

    private static byte[] head(String query, String extraHeaders) {
        return String.format(HANDSHAKE, query, extraHeaders).getBytes(StandardCharsets.ISO_8859_1);
    }
}
