package io.connlab.mock.edge;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole class connects at once: the public listen backlog must take the burst. */
class EdgeBurstTest {
    private static final int CLIENTS = 1000;

    @Test
    void aBurstOfAThousandSimultaneousConnectsIsAllAdmitted() throws Exception {
        CountingAdmission admission = CountingAdmission.allowAll();
        List<SocketChannel> clients = new ArrayList<>();
        try (TestBackend backend = TestBackend.hold();
             EdgeListener edge = EdgeListener.open("burst", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     backend.address(), new NetworkConditions(0, 0), admission);
             Selector selector = Selector.open()) {
            for (int i = 0; i < CLIENTS; i++) {
                SocketChannel c = SocketChannel.open();
                clients.add(c);
                c.configureBlocking(false);
                if (!c.connect(edge.address())) c.register(selector, SelectionKey.OP_CONNECT);
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!selector.keys().isEmpty() && System.nanoTime() < deadline) {
                selector.select(key -> {
                    try {
                        if (((SocketChannel) key.channel()).finishConnect()) key.cancel();
                    } catch (Exception e) {
                        key.cancel();
                    }
                }, 1000);
                selector.selectNow();   // flush cancelled keys
            }
            assertTrue(clients.stream().allMatch(SocketChannel::isConnected));

            await().atMost(Duration.ofSeconds(20)).until(() -> edge.openConnections() == CLIENTS);
            await().atMost(Duration.ofSeconds(20)).until(() -> backend.acceptedCount.get() == CLIENTS);
            assertEquals(CLIENTS, edge.acceptedTotal());
            assertEquals(CLIENTS, edge.connections().size());

            for (SocketChannel c : clients) c.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> edge.openConnections() == 0);
            assertEquals(CLIENTS, admission.closed.get());
        } finally {
            for (SocketChannel c : clients) c.close();
        }
    }
}
