package io.connlab.mock.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 8's WebSocket abuse, each sent from a raw socket, each with the bound it must meet. */
class GatewayAbuseTest {
    private static final int KB = 1024;
    @RegisterExtension
    final GatewayFixture fixture = new GatewayFixture();

    @Test
    void anUnmaskedClientFrameClosesWith1002() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(fixture.address)) {
            ws.send(RawWebSocket.TEXT, true, false, chat("unmasked"));
            assertEquals(1002, ws.awaitCloseCode());
        }
        assertTrue(fixture.sent.isEmpty(), "the unmasked message was not routed");
        GatewayTesting.assertStillChats(fixture.address);
    }

    @Test
    void anUnfinishedFragmentedMessageClosesWith1009AsSoonAsItPasses128Kb() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(fixture.address)) {
            byte[] fragment = new byte[30 * KB];
            Arrays.fill(fragment, (byte) 'x');
            ws.send(RawWebSocket.TEXT, false, true, fragment);
            for (int i = 0; i < 4; i++) ws.send(RawWebSocket.CONTINUATION, false, true, fragment); // 150 KB, never final
            assertEquals(1009, ws.awaitCloseCode());
        }
        GatewayTesting.assertStillChats(fixture.address);
    }

    @Test
    void aCloseWhoseReasonIsNotUtf8IsAnsweredWith1007() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(fixture.address)) {
            ws.send(RawWebSocket.CLOSE, true, true, RawWebSocket.closePayload(1000, new byte[]{(byte) 0xC3, (byte) 0x28}));
            assertEquals(1007, ws.awaitCloseCode());
            assertTrue(ws.readsToEnd(), "then the server closes the socket");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.gateway.connectionCount() == 0);
    }

    /** Issue 8, item 6: the client must read the 1009 before the socket goes, never a reset (1006). */
    @Test
    void a200KbFrameAlwaysEndsIn1009NeverInAReset() throws Exception {
        // a client that keeps sending: ten 200 KB frames in a row, 2 MB the server must not leave unread
        byte[] one = RawWebSocket.frame(RawWebSocket.TEXT, true, true, new byte[200 * KB]);
        byte[] frame = new byte[one.length * 10];
        for (int i = 0; i < 10; i++) System.arraycopy(one, 0, frame, i * one.length, one.length);
        ExecutorService writers = Executors.newFixedThreadPool(10);
        try {
            for (int round = 0; round < 4; round++) {
                List<RawWebSocket> clients = new ArrayList<>();
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    RawWebSocket ws = RawWebSocket.connect(fixture.address);
                    clients.add(ws);
                    writes.add(writers.submit(() -> {
                        ws.socket.getOutputStream().write(frame); // may fail once the server has closed: fine
                        return null;
                    }));
                }
                // Read only once each client has written all it meant to: a server that closes with the
                // rest unread resets the connection, and the client loses the close frame (1006).
                for (Future<?> w : writes) {
                    try {
                        w.get();
                    } catch (java.util.concurrent.ExecutionException reset) {
                        // the failure shows below as a close code that is not 1009
                    }
                }
                for (RawWebSocket ws : clients) {
                    assertEquals(1009, ws.awaitCloseCode(), "round " + round);
                    ws.close();
                }
            }
        } finally {
            writers.shutdownNow();
        }
        assertTrue(fixture.sent.isEmpty());
    }

    @Test
    void aHandshakeWithoutUpgradeAndConnectionGets400NotA101AndIsClosed() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(fixture.address, 0)) {
            String head = ws.request("GET /dev HTTP/1.1\r\nHost: x\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n");
            assertTrue(head.startsWith("HTTP/1.1 400 "), head);
            assertTrue(ws.readsToEnd(), "closed after the answer");
        }
    }

    @Test
    void aBadVersionGets426WithTheVersionWeSpeakAndIsClosed() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(fixture.address, 0)) {
            String head = ws.request("GET /dev HTTP/1.1\r\nHost: x\r\n"
                    + RawWebSocket.HANDSHAKE.replace("Version: 13", "Version: 8") + "\r\n");
            assertTrue(head.startsWith("HTTP/1.1 426 "), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Version: 13\r\n"), head);
            assertTrue(ws.readsToEnd(), "closed after the answer");
        }
    }

    /** Issue 8, item 5: refused upgrades used to stay open; 300 of them must leave no descriptor behind. */
    @Test
    void refusedUpgradesLeaveNoDescriptorBehind() throws Exception {
        File fds = new File("/proc/self/fd");
        assumeTrue(fds.isDirectory(), "counts descriptors through /proc");
        int before = fds.list().length;
        for (int i = 0; i < 300; i++) {
            try (RawWebSocket ws = RawWebSocket.open(fixture.address, 0)) {
                String head = ws.request(i % 2 == 0 ? "GET /dev HTTP/1.1\r\nHost: x\r\n\r\n"
                        : "GET /dev HTTP/1.1\r\nHost: x\r\n" + RawWebSocket.HANDSHAKE.replace("Version: 13", "Version: 99") + "\r\n");
                assertTrue(head.startsWith(i % 2 == 0 ? "HTTP/1.1 400 " : "HTTP/1.1 426 "), head);
                assertTrue(ws.readsToEnd());
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.gateway.edge().openConnections() == 0
                && fds.list().length <= before + 5);
        assertEquals(300, fixture.gateway.edge().refusedTotal());
    }

    /** Issue 8, item 3: a client that never reads costs at most its send backlog; the rest is dropped and counted. */
    @Test
    void aClientThatNeverReadsIsCappedAndWhatItMissesIsCounted() throws Exception {
        int cap = GatewayLimits.apiGateway().sendBacklogBytes();
        try (RawWebSocket stuck = RawWebSocket.connect(fixture.address, 4 * KB)) {
            // Which connection is the stuck one: it connects alone. (Picking "a connection whose
            // backlog is within a message of the cap" after the broadcasts could pick the reader,
            // whose drain thread falls behind on a loaded machine, and which had read it all by
            // the time it was sent to: SENT, not BACKLOG_FULL.)
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.gateway.connectionCount() == 1);
            String stuckId = fixture.gateway.connections().get(0).id();
            try (RawWebSocket reader = RawWebSocket.connect(fixture.address)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> fixture.gateway.connectionCount() == 2);
                String message = "m".repeat(64 * KB);
                int messages = 400; // 25 MB: far past what the kernel's socket buffers absorb
                Thread drain = new Thread(() -> drainQuietly(reader));
                drain.start();
                for (int i = 0; i < messages; i++) {
                    fixture.gateway.broadcast(message);
                    for (ConnectionInfo c : fixture.gateway.connections()) {
                        assertTrue(fixture.gateway.sendBacklog(c.id()) <= cap, "backlog " + fixture.gateway.sendBacklog(c.id()));
                    }
                }
                assertTrue(fixture.gateway.droppedForSlowClients() > 0, "the stuck client's messages were dropped");
                assertTrue(fixture.gateway.droppedForSlowClients() < messages * 2L, "not the reader's");
                // API Gateway's answer to @connections when the client's buffer is full
                assertTrue(fixture.gateway.sendBacklog(stuckId) > cap - 64 * KB, "backlog " + fixture.gateway.sendBacklog(stuckId));
                assertEquals(Outbox.Sent.BACKLOG_FULL, fixture.gateway.sendTo(stuckId, message));
                drain.interrupt();
            }
        }
    }

    /**
     * Regression: a channel read that took bytes and answered 0 left its key in the selector's ready
     * set, and Java-WebSocket's loop then spun over every connection that had ever fixture.sent a byte.
     */
    @Test
    void idleConnectionsCostTheSelectorNoCpu() throws Exception {
        List<RawWebSocket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) idle.add(RawWebSocket.connect(fixture.address));
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long selector = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("WebSocketSelector")).findFirst().orElseThrow().getId();
            long before = threads.getThreadCpuTime(selector);
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> true); // half a second of nothing to do
            long spentMillis = (threads.getThreadCpuTime(selector) - before) / 1_000_000;
            assertTrue(spentMillis < 100, "the selector spent " + spentMillis + " ms of CPU on 100 idle connections");
        } finally {
            for (RawWebSocket ws : idle) ws.close();
        }
    }

    private static void drainQuietly(RawWebSocket ws) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (ws.input().read(buffer) >= 0) {
                // a client that keeps up
            }
        } catch (IOException done) {
            // closed by the test
        }
    }

    private static byte[] chat(String data) {
        return ("{\"action\":\"sendmessage\",\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
