package io.connlab.mock.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeForwardingTest {
    private final EdgeFixture fixture = new EdgeFixture();

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private EdgeListener edge(InetSocketAddress backend, Admission admission) throws IOException {
        return fixture.edge("test", backend, new NetworkConditions(0, 0), admission);
    }

    /** Writes on another thread while reading everything back until EOF. */
    static byte[] exchange(Socket s, byte[] data, boolean halfClose) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                s.getOutputStream().write(data);
                s.getOutputStream().flush();
                if (halfClose) s.shutdownOutput();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        byte[] got = halfClose ? s.getInputStream().readAllBytes() : s.getInputStream().readNBytes(data.length);
        writer.get();
        return got;
    }

    @Test
    void megabyteBothWaysArrivesIntactWithExactCountsAndHalfClosePropagates() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        CountingAdmission admission = CountingAdmission.allowAll();
        EdgeListener edge = edge(backend.address(), admission);
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);

        Socket client = fixture.connect(edge);
        byte[] got = exchange(client, data, true);   // EOF back means the backend saw ours

        assertArrayEquals(data, got);
        assertEquals(1, backend.sawEof.get());
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.openConnections() == 0);
        assertEquals(data.length, edge.bytesFromClients());
        assertEquals(data.length, edge.bytesToClients());
        assertEquals(1, edge.acceptedTotal());
        assertEquals(1, admission.closed.get());
    }

    @Test
    void perConnectionCountsAreExactWhileOpen() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        EdgeListener edge = edge(backend.address(), Admission.ALLOW_ALL);
        Socket a = fixture.connect(edge);
        Socket b = fixture.connect(edge);
        exchange(a, new byte[1000], false);
        exchange(b, new byte[70_000], false);

        // the edge adds a write to its count just after the write returns, so wait for it
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.bytesToClients() == 71_000);
        List<EdgeConnection> conns = edge.connections();
        assertEquals(2, conns.size());
        EdgeConnection ca = conns.stream().filter(c -> c.client().getPort() == a.getLocalPort()).findFirst().orElseThrow();
        EdgeConnection cb = conns.stream().filter(c -> c.client().getPort() == b.getLocalPort()).findFirst().orElseThrow();
        assertEquals(1000, ca.bytesIn());
        assertEquals(1000, ca.bytesOut());
        assertEquals(70_000, cb.bytesIn());
        assertEquals(70_000, cb.bytesOut());
        assertEquals(71_000, edge.bytesFromClients());
    }

    @Test
    void dropAllResetsEveryConnectionAndReportsClosed() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        CountingAdmission admission = CountingAdmission.allowAll();
        EdgeListener edge = edge(backend.address(), admission);
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = fixture.connect(edge);
            exchange(s, new byte[]{1, 2, 3}, false);
            clients.add(s);
        }
        assertEquals(3, edge.openConnections());

        assertEquals(3, edge.dropAll());

        for (Socket s : clients) assertTrue(seesResetOrEof(s.getInputStream()));
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.openConnections() == 0);
        assertEquals(3, admission.closed.get());
        assertTrue(edge.connections().isEmpty());
        // and the backend side was reset too
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.accepted.stream().allMatch(EdgeForwardingTest::closedOrReset));

        Socket next = fixture.connect(edge);
        assertArrayEquals(new byte[]{9}, exchange(next, new byte[]{9}, false));
    }

    private static boolean closedOrReset(Socket s) {
        return s.isClosed();
    }

    static boolean seesResetOrEof(InputStream in) {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    @Test
    void unreachableBackendClosesTheClientAndTheEdgeServesTheNextOne() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        CountingAdmission admission = CountingAdmission.allowAll();
        EdgeListener edge = edge(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), admission);

        Socket doomed = fixture.closeLater(new Socket());
        try {
            doomed.connect(edge.address(), 5_000);
            doomed.setSoTimeout(10_000);
            assertTrue(seesResetOrEof(doomed.getInputStream()));
        } catch (SocketException resetWhileConnecting) {
            // the edge's reset can beat the end of connect() on loopback: the same answer
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.backendFailures() == 1);
        assertEquals(1, admission.closed.get());
        assertEquals(0, edge.openConnections());

        fixture.closeLater(TestBackend.echo(port));
        Socket next = fixture.connect(edge);
        assertArrayEquals(new byte[]{7, 8}, exchange(next, new byte[]{7, 8}, false));
    }

    private static long openFds() {
        String[] fds = new java.io.File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    @Test
    void everyConnectionGivesBackItsFileDescriptors() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(openFds() > 0, "needs /proc/self/fd");
        TestBackend backend = fixture.closeLater(TestBackend.hold());
        EdgeListener edge = edge(backend.address(), Admission.ALLOW_ALL);
        long before = openFds();
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 40; i++) clients.add(new Socket(edge.address().getAddress(), edge.address().getPort()));
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.openConnections() == 40);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.acceptedCount.get() == 40);
        assertTrue(openFds() >= before + 40 * 3);   // client + edge's two + backend's, per connection

        for (int i = 0; i < 20; i++) clients.get(i).close();   // graceful: the backend closes on EOF
        edge.dropAll();                                         // the rest reset
        for (Socket s : clients) s.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> edge.openConnections() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> openFds() <= before);
    }

    @Test
    void closeReleasesThePortAndTheThreadAndIsIdempotent() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        EdgeListener edge = EdgeListener.open("closing", EdgeFixture.ANY_LOOPBACK, backend.address(),
                new NetworkConditions(0, 0), Admission.ALLOW_ALL);
        Socket client = fixture.connect(edge);
        exchange(client, new byte[]{1}, false);

        edge.close();
        edge.close();

        assertTrue(seesResetOrEof(client.getInputStream()));
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("edge-closing")));
        assertEquals(0, edge.openConnections());
        assertDoesNotThrow(() -> {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(edge.address());
            }
        });
    }
}
