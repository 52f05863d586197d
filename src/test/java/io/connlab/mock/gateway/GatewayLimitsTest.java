package io.connlab.mock.gateway;

import io.connlab.mock.TimeScale;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayLimitsTest {
    private static final int KB = 1024;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private WebSocketGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) gateway.close();
    }

    private InetSocketAddress start(GatewayLimits limits, double timeScale) throws Exception {
        gateway = new WebSocketGateway("dev", limits, new TimeScale(timeScale), sent::add);
        return gateway.start();
    }

    @Test
    void apiGatewayQuotas() {
        GatewayLimits l = GatewayLimits.apiGateway();
        assertEquals(32 * KB, l.maxFrameBytes());
        assertEquals(128 * KB, l.maxMessageBytes());
        assertEquals(Duration.ofMinutes(10), l.idleTimeout());
        assertEquals(Duration.ofHours(2), l.maxConnectionDuration());
        assertEquals(500, l.newConnectionsPerSecond());
        assertEquals(128 * KB, l.managementPostMaxBytes());
    }

    @Test
    void aFrameOver32KbClosesWith1009() throws Exception {
        InetSocketAddress address = start(GatewayLimits.apiGateway(), 1);
        ChatClient c = ChatClient.connect(address, "/dev");

        c.chat("x".repeat(33 * KB));

        c.awaitClose();
        assertEquals(1009, c.closeCode);
        assertTrue(sent.isEmpty());
        GatewayTesting.assertStillChats(address);
    }

    @Test
    void aFrameJustUnder32KbPasses() throws Exception {
        InetSocketAddress address = start(GatewayLimits.apiGateway(), 1);
        ChatClient c = ChatClient.connect(address, "/dev");
        String data = "y".repeat(32 * KB - 100);

        c.chat(data);

        assertEquals(data, c.next());
    }

    @Test
    void aFragmentedMessageOver128KbClosesWith1009() throws Exception {
        InetSocketAddress address = start(GatewayLimits.apiGateway(), 1);
        ChatClient c = ChatClient.connect(address, "/dev");

        sendFragmented(c, "{\"action\":\"sendmessage\",\"data\":\"" + "z".repeat(130 * KB) + "\"}", 26 * KB);

        c.awaitClose();
        assertEquals(1009, c.closeCode);
        assertTrue(sent.isEmpty());
        GatewayTesting.assertStillChats(address);
    }

    @Test
    void aFragmented100KbMessageOfSmallFramesPasses() throws Exception {
        InetSocketAddress address = start(GatewayLimits.apiGateway(), 1);
        ChatClient c = ChatClient.connect(address, "/dev");
        String data = "w".repeat(100 * KB);

        sendFragmented(c, "{\"action\":\"sendmessage\",\"data\":\"" + data + "\"}", 30 * KB);

        assertEquals(data, c.next());
        await().untilAsserted(() -> assertEquals(List.of(data), sent)); // the store hook runs after the broadcast
        assertTrue(c.isOpen());
    }

    @Test
    void anIdleConnectionIsClosedWithGoingAwayWhileAnActiveOneStays() throws Exception {
        // 10 min idle / 600 = 1 s; the 2 h maximum becomes 12 s and stays out of the way
        InetSocketAddress address = start(GatewayLimits.apiGateway(), 600);
        long beforeConnect = System.nanoTime(); // see aConnectionPastTheMaximumDuration...
        ChatClient idle = ChatClient.connect(address, "/dev");
        ChatClient active = ChatClient.connect(address, "/dev");
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        try {
            pinger.scheduleAtFixedRate(active::sendPing, 100, 200, TimeUnit.MILLISECONDS);

            idle.awaitClose();

            assertEquals(1001, idle.closeCode);
            assertEquals("Going away", idle.closeReason);
            assertTrue(idle.closedNanos - beforeConnect >= TimeUnit.MILLISECONDS.toNanos(1000));
            assertTrue(active.isOpen(), "pings keep a connection active");
            await().until(() -> gateway.connectionCount() == 1);
        } finally {
            pinger.shutdownNow();
        }
        GatewayTesting.assertStillChats(address);
    }

    @Test
    void messagesPushedToAClientKeepItOpenThoughItSendsNothing() throws Exception {
        // 10 min idle / 600 = 1 s. Traffic either way counts (FACTS.md, fact 82): a client that only
        // receives stays open, one that neither sends nor receives is closed.
        InetSocketAddress address = start(GatewayLimits.apiGateway(), 600);
        ChatClient pushed = ChatClient.connect(address, "/dev");
        ChatClient quiet = ChatClient.connect(address, "/dev");
        String pushedId = gateway.connections().get(0).id();
        ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor();
        try {
            pusher.scheduleAtFixedRate(() -> gateway.sendTo(pushedId, "keep-alive"), 100, 200, TimeUnit.MILLISECONDS);

            quiet.awaitClose();

            assertEquals(1001, quiet.closeCode);
            assertTrue(pushed.isOpen(), "pushed messages keep a connection active");
            assertEquals("keep-alive", pushed.next());
        } finally {
            pusher.shutdownNow();
        }
    }

    @Test
    void aConnectionPastTheMaximumDurationIsClosedWithGoingAway() throws Exception {
        // 10 min maximum / 600 = 1 s; idle 2 h / 600 = 12 s
        InetSocketAddress address = start(GatewayLimits.apiGateway()
                .withTimeouts(Duration.ofHours(2), Duration.ofMinutes(10)), 600);
        // Measured from before the handshake: the server's clock starts inside it, and the client's
        // onOpen can come later than the server's under load, so openedNanos may undercount.
        long beforeConnect = System.nanoTime();
        ChatClient c = ChatClient.connect(address, "/dev");
        ScheduledExecutorService chatter = Executors.newSingleThreadScheduledExecutor();
        try {
            chatter.scheduleAtFixedRate(() -> c.send("ping"), 100, 200, TimeUnit.MILLISECONDS);

            c.awaitClose();

            assertEquals(1001, c.closeCode);
            assertEquals("Going away", c.closeReason);
            assertTrue(c.closedNanos - beforeConnect >= TimeUnit.MILLISECONDS.toNanos(1000));
        } finally {
            chatter.shutdownNow();
        }
        GatewayTesting.assertStillChats(address);
    }

    private static void sendFragmented(ChatClient c, String text, int frameBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < bytes.length; from += frameBytes) {
            int to = Math.min(bytes.length, from + frameBytes);
            // Java-WebSocket turns the frames after the first into continuation frames itself
            try {
                c.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(Arrays.copyOfRange(bytes, from, to)), to == bytes.length);
            } catch (WebsocketNotConnectedException e) {
                return; // the gateway closed (1009) as soon as the message passed its limit: the caller checks that
            }
        }
    }
}
