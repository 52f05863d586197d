package io.connlab.mock.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 2: connections to the WebSocket port that send nothing, part of a head, or a
 * head one byte at a time were never closed, and about 20,000 of them exhausted the process. The
 * handshake now has the HTTP API's head deadline, 10 s from accept; each kind is a raw socket here.
 */
class HandshakeDeadlineTest {
    private static final int SILENT = 100;
    @RegisterExtension
    final GatewayFixture fixture = new GatewayFixture();

    @Test
    void silentPartialAndTricklingHandshakesGet408AndAreClosedAfterTenSeconds() throws Exception {
        GatewayTesting.assertStillChats(fixture.address); // before the attack: it serves, and the client is warm
        ExecutorService clients = Executors.newCachedThreadPool();
        List<Socket> sockets = new ArrayList<>();
        try {
            long start = System.nanoTime();
            List<Future<String>> silent = new ArrayList<>();
            for (int i = 0; i < SILENT; i++) silent.add(clients.submit(() -> answerAfterSending(sockets, "")));
            Future<String> partial = clients.submit(() -> answerAfterSending(sockets, "GET /dev HTTP/1.1\r\nHost: x\r\n"));
            Future<String> trickle = clients.submit(() -> trickle(sockets));

            assertEquals("HTTP/1.1 408 Request Timeout", partial.get(20, TimeUnit.SECONDS));
            assertEquals("HTTP/1.1 408 Request Timeout", trickle.get(20, TimeUnit.SECONDS));
            for (Future<String> s : silent) assertEquals("HTTP/1.1 408 Request Timeout", s.get(20, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(10), "not before the deadline");
            // every one of them has given its descriptor back
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.gateway.edge().openConnections() == 0);
            GatewayTesting.assertServedWithinASecond(fixture.address);
        } finally {
            clients.shutdownNow();
            for (Socket s : sockets) s.close();
        }
    }

    /** An LF-only head is answered at once (Java-WebSocket would wait for a CRLF forever). */
    @Test
    void aHeadWithBareLfLineEndsIsAnswered400AtOnce() throws Exception {
        GatewayTesting.assertStillChats(fixture.address); // before the attack: it serves, and the client is warm
        String lfOnly = ("GET /dev HTTP/1.1\r\nHost: x\r\n" + RawWebSocket.HANDSHAKE + "\r\n").replace("\r\n", "\n");
        try (Socket s = new Socket()) {
            s.connect(fixture.address, 2000);
            s.setSoTimeout(2000); // far below the deadline: the answer is not the 408
            s.getOutputStream().write(lfOnly.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("HTTP/1.1 400 Bad Request", GatewayTesting.statusLine(s.getInputStream()));
        }
        GatewayTesting.assertServedWithinASecond(fixture.address);
    }

    /** Sends {@code head} and never finishes it; returns what the gateway answers before it closes. */
    private String answerAfterSending(List<Socket> sockets, String head) throws Exception {
        Socket s = open(sockets);
        s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        return GatewayTesting.statusLine(s.getInputStream());
    }

    /** A valid handshake one byte every 200 ms (a slowloris): it would take 30 s, the deadline is 10 s. */
    private String trickle(List<Socket> sockets) throws Exception {
        Socket s = open(sockets);
        byte[] head = ("GET /dev HTTP/1.1\r\nHost: x\r\n" + RawWebSocket.HANDSHAKE + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        OutputStream out = s.getOutputStream();
        try {
            for (int i = 0; i < head.length && s.getInputStream().available() == 0; i++) {
                out.write(head[i]);
                out.flush();
                Thread.sleep(200); // the attacker's pace, not a wait for the server
            }
        } catch (java.net.SocketException closedByTheServer) {
            // the gateway answered and closed while we were still sending: read what it said
        }
        return GatewayTesting.statusLine(s.getInputStream());
    }

    private Socket open(List<Socket> sockets) throws Exception {
        Socket s = new Socket();
        synchronized (sockets) {
            sockets.add(s);
        }
        s.connect(fixture.address, 2000);
        s.setSoTimeout(15_000);
        return s;
    }
}
