package io.connlab.mock.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP server itself, from raw sockets: exact byte counts, pipelining, bad heads, drops, a client going away. */
class HttpApiServerTest {
    private TestHttp http;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) s.close();
        if (http != null) http.close();
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", http.port());
        s.setSoTimeout(10_000);
        sockets.add(s);
        return s;
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    private static String readAll(Socket s) throws IOException {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static HttpHandler echoPath() {
        return ex -> HttpIo.send(ex, 200, "text/plain", ex.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBytesOfEveryConnectionAreCountedExactlyBothWays() throws Exception {
        http = TestHttp.serveEveryPath(echoPath());
        String request = "GET /abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        Socket s = open();
        write(s, request);
        String answer = readAll(s);
        assertTrue(answer.endsWith("\r\n\r\n/abc"), answer);
        await().atMost(Duration.ofSeconds(5)).until(() -> http.server.bytesToClients() == answer.length());
        assertEquals(request.length(), http.server.bytesFromClients());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnTheOneConnection() throws Exception {
        http = TestHttp.serveEveryPath(echoPath());
        Socket s = open();
        write(s, "GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String all = readAll(s);
        int one = all.indexOf("/one");
        int two = all.indexOf("/two");
        int three = all.indexOf("/three");
        assertTrue(one > 0 && two > one && three > two, all);
        assertEquals(3, all.split("HTTP/1.1 200 OK", -1).length - 1, all);
    }

    @Test
    void aHeadTooLargeGets431AndAGarbledOneGets400() throws Exception {
        http = TestHttp.serveEveryPath(echoPath());
        Socket big = open();
        write(big, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(readAll(big).startsWith("HTTP/1.1 431 "));
        Socket garbled = open();
        write(garbled, "HELLO THERE\r\n\r\n");
        assertTrue(readAll(garbled).startsWith("HTTP/1.1 400 "));
        Socket fine = open();
        write(fine, "GET /still HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(readAll(fine).endsWith("/still"));
    }

    @Test
    void aClientExpectingContinueIsToldToSendItsBody() throws Exception {
        http = TestHttp.serveEveryPath(ex -> HttpIo.send(ex, 200, "text/plain", ex.body()));
        Socket s = open();
        write(s, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
        InputStream in = s.getInputStream();
        assertEquals("HTTP/1.1 100 Continue", new String(in.readNBytes(21), StandardCharsets.ISO_8859_1));
        write(s, "hello");
        assertTrue(readAll(s).endsWith("hello"));
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutTheBody() throws Exception {
        http = TestHttp.serveEveryPath(echoPath());
        Socket s = open();
        write(s, "HEAD /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String answer = readAll(s);
        assertTrue(answer.startsWith("HTTP/1.1 200 OK") && answer.endsWith("\r\n\r\n"), answer);
    }

    @Test
    void aClientThatGoesAwayWhileHeldRunsItsHookAtOnce() throws Exception {
        AtomicInteger gone = new AtomicInteger();
        http = TestHttp.serveEveryPath(ex -> ex.whenClientGone(gone::incrementAndGet)); // never answered: held
        Socket s = open();
        write(s, "GET /held HTTP/1.1\r\nHost: x\r\n\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> http.server.openConnections() == 1);
        s.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> gone.get() == 1 && http.server.openConnections() == 0);
    }

    @Test
    void aDropResetsEveryConnectionButTheCallers() throws Exception {
        http = TestHttp.serveEveryPath(ex -> {
            if (ex.getRequestURI().getPath().equals("/drop")) {
                int n = http.server.dropAllExcept(ex.getRemoteAddress());
                HttpIo.send(ex, 200, "text/plain", String.valueOf(n).getBytes(StandardCharsets.UTF_8));
            } // anything else is held
        });
        Socket held1 = open();
        Socket held2 = open();
        write(held1, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        write(held2, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> http.server.openConnections() == 2);
        Socket caller = open();
        write(caller, "POST /drop HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(readAll(caller).endsWith("\r\n\r\n2"));
        for (Socket s : List.of(held1, held2)) {
            try {
                assertEquals(-1, s.getInputStream().read());
            } catch (java.net.SocketException reset) {
                assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
            }
        }
    }

    @Test
    void aPortInUseIsABindException() throws Exception {
        http = TestHttp.serveEveryPath(echoPath());
        InetSocketAddress taken = http.server.address();
        java.net.BindException e = org.junit.jupiter.api.Assertions.assertThrows(java.net.BindException.class,
                () -> HttpApiServer.start(taken, new Routes(), new io.connlab.mock.edge.NetworkConditions(0, 0),
                        HttpLimits.defaults(), null, Runnable::run, 16));
        assertTrue(e.getMessage() != null);
    }
}
