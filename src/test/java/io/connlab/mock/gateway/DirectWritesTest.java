package io.connlab.mock.gateway;

import org.java_websocket.framing.CloseFrame;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.DataInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What Java-WebSocket writes goes straight into the channel ({@link DirectWrites}), so its
 * selector does not keep every connection in its selected-key set and walk them all on each
 * wake-up; and the handshakes, pongs and close frames written that way still arrive.
 */
class DirectWritesTest {
    private static final int CLIENTS = 40;

    @RegisterExtension
    final GatewayFixture fixture = new GatewayFixture();

    @Test
    void connectionsDoNotStayInTheSelectorsSelectedKeys() throws Exception {
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) clients.add(ChatClient.connect(fixture.address, "/dev"));
            clients.get(0).chat("hello");
            for (ChatClient c : clients) assertEquals("hello", c.next());

            // Before, each handshake's key stayed selected: 40 keys walked on every wake-up.
            Selector selector = selectorOf(fixture.gateway);
            await().atMost(Duration.ofSeconds(5)).until(() -> selector.selectedKeys().size() <= 1);
        } finally {
            for (ChatClient c : clients) c.closeBlocking();
        }
    }

    @Test
    void pongsAndCloseFramesArrive() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(fixture.address)) {
            byte[] ping = "are you there".getBytes(StandardCharsets.UTF_8);
            raw.send(0x9, true, true, ping);
            DataInputStream in = new DataInputStream(raw.input());
            assertEquals(0x8A, in.readUnsignedByte(), "a final pong frame");
            assertEquals(ping.length, in.readUnsignedByte(), "unmasked, the ping's length");
            assertArrayEquals(ping, in.readNBytes(ping.length), "the pong carries the ping's payload");

            raw.send(RawWebSocket.CLOSE, true, true, RawWebSocket.closePayload(CloseFrame.NORMAL, new byte[0]));
            assertEquals(CloseFrame.NORMAL, raw.awaitCloseCode(), "the gateway answers the close frame");
        }
    }

    private static Selector selectorOf(WebSocketGateway gateway) throws ReflectiveOperationException {
        Field server = WebSocketGateway.class.getDeclaredField("server");
        server.setAccessible(true);
        Field selector = WebSocketServer.class.getDeclaredField("selector");
        selector.setAccessible(true);
        return (Selector) selector.get(server.get(gateway));
    }
}
