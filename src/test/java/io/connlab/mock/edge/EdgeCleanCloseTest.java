package io.connlab.mock.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge's clean close (a server's last words still reach the client) and the drop that spares one connection. */
class EdgeCleanCloseTest {
    private final EdgeFixture fixture = new EdgeFixture();

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void closeWithGraceDeliversWhatTheServerSaidBeforeItsEndDespiteTheDelay() throws Exception {
        ServerSocket server = fixture.closeLater(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        EdgeListener edge = fixture.edge("clean", (InetSocketAddress) server.getLocalSocketAddress(), new NetworkConditions(200, 0), Admission.ALLOW_ALL);
        Socket client = fixture.connect(edge);
        byte[] goodbye = "goodbye".getBytes(StandardCharsets.US_ASCII);
        try (Socket accepted = server.accept()) {
            accepted.getOutputStream().write(goodbye); // the server's last words, then it stops
        }

        edge.close(Duration.ofSeconds(5));

        assertArrayEquals(goodbye, client.getInputStream().readAllBytes(), "delivered, then a clean end");
        assertThrows(ConnectException.class, () -> new Socket().connect(edge.address(), 2_000));
    }

    @Test
    void closeWithGraceGivesUpOnAServerThatNeverEnds() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.hold());
        EdgeListener edge = fixture.edge("stuck", backend.address(),
                new NetworkConditions(0, 0), Admission.ALLOW_ALL);
        fixture.connect(edge);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.acceptedCount.get() == 1);

        CompletableFuture.runAsync(() -> edge.close(Duration.ofMillis(200))).get(10, TimeUnit.SECONDS);

        assertEquals(0, edge.openConnections());
        edge.close(); // idempotent after a clean close
    }

    @Test
    void dropAllExceptSparesTheConnectionWhoseBackendSideIsGiven() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        EdgeListener edge = fixture.edge("spare", backend.address(),
                new NetworkConditions(0, 0), Admission.ALLOW_ALL);
        Socket kept = fixture.connect(edge);
        EdgeForwardingTest.exchange(kept, new byte[]{1}, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.accepted.size() == 1);
        InetSocketAddress keptBackendSide = (InetSocketAddress) backend.accepted.peek().getRemoteSocketAddress();
        Socket dropped = fixture.connect(edge);
        EdgeForwardingTest.exchange(dropped, new byte[]{2}, false);

        assertEquals(1, edge.dropAllExcept(keptBackendSide));

        assertTrue(EdgeForwardingTest.seesResetOrEof(dropped.getInputStream()));
        assertArrayEquals(new byte[]{3}, EdgeForwardingTest.exchange(kept, new byte[]{3}, false));
        assertEquals(1, edge.openConnections());
    }
}
