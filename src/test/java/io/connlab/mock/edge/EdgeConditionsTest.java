package io.connlab.mock.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeConditionsTest {
    private final EdgeFixture fixture = new EdgeFixture();

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private static long roundTripNanos(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write(42);
        assertEquals(42, s.getInputStream().read());
        return System.nanoTime() - start;
    }

    @Test
    void roundTripPaysTheRttAndAChangeAtRunTimeTakesEffect() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        NetworkConditions conditions = new NetworkConditions(0, 0);
        EdgeListener edge = fixture.edge("rtt", backend.address(), conditions, Admission.ALLOW_ALL);
        Socket s = fixture.connect(edge);
        roundTripNanos(s);

        conditions.set(200, 0);
        assertTrue(roundTripNanos(s) >= 200_000_000L);

        conditions.set(400, 0);
        assertTrue(roundTripNanos(s) >= 400_000_000L);

        conditions.set(0, 0);   // back to the fast path behind nothing queued
        roundTripNanos(s);
    }

    @Test
    void theRttIsPaidByANewConnectionsFirstBytesAndItsGoodbye() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        EdgeListener edge = fixture.edge("hello", backend.address(),
                new NetworkConditions(200, 0), Admission.ALLOW_ALL);
        Socket s = fixture.connect(edge);
        long start = System.nanoTime();
        s.getOutputStream().write(new byte[]{1, 2, 3});
        s.shutdownOutput();
        assertArrayEquals(new byte[]{1, 2, 3}, s.getInputStream().readAllBytes());
        assertTrue(System.nanoTime() - start >= 200_000_000L);
    }

    @Test
    void aRefusalArrivesAWholeRoundTripAfterTheRequest() throws Exception {
        byte[] refusal = HttpResponses.text(429, "Too Many Requests", "application/json",
                "{\"message\":\"Too Many Requests\"}", java.util.Map.of());
        CountingAdmission admission = new CountingAdmission(true, (c, h) -> Admission.Verdict.refuse(refusal));
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        EdgeListener edge = fixture.edge("refuse", backend.address(),
                new NetworkConditions(200, 0), admission);
        Socket s = fixture.connect(edge);
        long start = System.nanoTime();
        s.getOutputStream().write("GET /prod HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertArrayEquals(refusal, s.getInputStream().readAllBytes());
        assertTrue(System.nanoTime() - start >= 200_000_000L);
    }

    @Test
    void dropAllAlsoDropsWhatIsStillDelayed() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        CountingAdmission admission = CountingAdmission.allowAll();
        EdgeListener edge = fixture.edge("dropdelayed", backend.address(),
                new NetworkConditions(10_000, 0), admission);
        Socket s = fixture.connect(edge);
        s.getOutputStream().write(new byte[1000]);
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.bytesFromClients() == 1000);

        assertEquals(1, edge.dropAll());
        assertTrue(EdgeForwardingTest.seesResetOrEof(s.getInputStream()));
        assertEquals(0, edge.openConnections());
        assertEquals(1, admission.closed.get());
        assertEquals(0, edge.bytesToClients());
    }

    @Test
    void bytesKeepTheirOrderUnderHeavyJitter() throws Exception {
        TestBackend backend = fixture.closeLater(TestBackend.echo());
        EdgeListener edge = fixture.edge("jitter", backend.address(),
                new NetworkConditions(20, 40), Admission.ALLOW_ALL);
        Socket s = fixture.connect(edge);
        int count = 400;
        byte[] expected = new byte[count * 4];
        ByteBuffer.wrap(expected).asIntBuffer().put(java.util.stream.IntStream.range(0, count).toArray());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < count; i++) {
                    out.write(expected, i * 4, 4);   // separate small writes: many chunks, each its own delay
                    if (i % 20 == 0) Thread.sleep(1);
                }
                s.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        byte[] got = s.getInputStream().readAllBytes();
        writer.get();
        assertArrayEquals(expected, got);
    }

    @Test
    void aSlowClientSlowsTheBackendInsteadOfFillingMemory() throws Exception {
        int total = 48 << 20;
        AtomicLong written = new AtomicLong();
        ServerSocket firehose = fixture.closeLater(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try (Socket s = firehose.accept(); OutputStream out = s.getOutputStream()) {
                byte[] block = new byte[64 * 1024];
                for (int sent = 0; sent < total; sent += block.length) {
                    out.write(block);
                    written.addAndGet(block.length);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        EdgeListener edge = fixture.edge("slow", (InetSocketAddress) firehose.getLocalSocketAddress(), new NetworkConditions(0, 0), Admission.ALLOW_ALL);
        Socket s = fixture.closeLater(new Socket());
        s.setReceiveBufferSize(64 * 1024);
        s.connect(edge.address(), 5_000);
        s.setSoTimeout(10_000);

        long[] last = {-1};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    long now = written.get();
                    boolean stalled = now > 0 && now == last[0];
                    last[0] = now;
                    return stalled;
                });
        long stalledAt = written.get();
        assertTrue(stalledAt < total / 2, "the backend got " + stalledAt + " bytes out to a client that reads nothing");

        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buf)) >= 0) read += n;
        producer.get();
        assertEquals(total, read);
        assertEquals(total, edge.bytesToClients());
    }
}
