package io.connlab.mock.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge's clean close (a server's last words still reach the client) and the drop that spares one connection. */
class EdgeCleanCloseTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) toClose.get(i).close();
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    private Socket connect(EdgeListener edge) throws IOException {
        Socket s = closeLater(new Socket());
        s.connect(edge.address(), 5_000);
        s.setSoTimeout(10_000);
        return s;
    }

    @Test
    void closeWithGraceDeliversWhatTheServerSaidBeforeItsEndDespiteTheDelay() throws Exception {
        ServerSocket server = closeLater(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        EdgeListener edge = closeLater(EdgeListener.open("clean", ANY_LOOPBACK,
                (InetSocketAddress) server.getLocalSocketAddress(), new NetworkConditions(200, 0), Admission.ALLOW_ALL));
        Socket client = connect(edge);
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
        TestBackend backend = closeLater(TestBackend.hold());
        EdgeListener edge = closeLater(EdgeListener.open("stuck", ANY_LOOPBACK, backend.address(),
                new NetworkConditions(0, 0), Admission.ALLOW_ALL));
        connect(edge);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.acceptedCount.get() == 1);

        CompletableFuture.runAsync(() -> edge.close(Duration.ofMillis(200))).get(10, TimeUnit.SECONDS);

        assertEquals(0, edge.openConnections());
        edge.close(); // idempotent after a clean close
    }

    @Test
    void dropAllExceptSparesTheConnectionWhoseBackendSideIsGiven() throws Exception {
        TestBackend backend = closeLater(TestBackend.echo());
        EdgeListener edge = closeLater(EdgeListener.open("spare", ANY_LOOPBACK, backend.address(),
                new NetworkConditions(0, 0), Admission.ALLOW_ALL));
        Socket kept = connect(edge);
        EdgeForwardingTest.exchange(kept, new byte[]{1}, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.accepted.size() == 1);
        InetSocketAddress keptBackendSide = (InetSocketAddress) backend.accepted.peek().getRemoteSocketAddress();
        Socket dropped = connect(edge);
        EdgeForwardingTest.exchange(dropped, new byte[]{2}, false);

        assertEquals(1, edge.dropAllExcept(keptBackendSide));

        assertTrue(EdgeForwardingTest.seesResetOrEof(dropped.getInputStream()));
        assertArrayEquals(new byte[]{3}, EdgeForwardingTest.exchange(kept, new byte[]{3}, false));
        assertEquals(1, edge.openConnections());
    }
}
