package io.connlab.lane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lanes' HTTP client against raw sockets: a server that never answers, and one that closes after each answer. */
class CallerTest {
    final AtomicInteger connections = new AtomicInteger();
    ServerSocket server;
    LaneHttpClient http;

    @AfterEach
    void cleanUp() throws IOException {
        if (http != null) http.close();
        if (server != null) server.close();
    }

    @Test
    void aServerThatNeverAnswersEndsInATimeout() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serve(false, false);
        http = new LaneHttpClient(URI.create("http://127.0.0.1:" + server.getLocalPort()), "test-caller", Duration.ofSeconds(5), null);
        ExecutionException e = assertThrows(ExecutionException.class, () -> send(http.caller(), 300).get(10, TimeUnit.SECONDS));
        assertEquals("timeout", LaneHttp.errorKind(e.getCause()), e.getCause()::toString);
    }

    @Test
    void connectionCloseInTheAnswerMeansANewConnectionForTheNextRequest() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serve(true, true);
        http = new LaneHttpClient(URI.create("http://127.0.0.1:" + server.getLocalPort()), "test-caller", Duration.ofSeconds(5), null);
        Caller caller = http.caller();
        for (int i = 0; i < 3; i++) {
            Caller.Reply reply = send(caller, 5000).get(10, TimeUnit.SECONDS);
            assertEquals(200, reply.status());
            assertEquals("ok", new String(reply.body(), StandardCharsets.UTF_8));
        }
        assertEquals(3, connections.get());
    }

    private void serve(boolean answer, boolean close) {
        Thread t = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    InputStream in = s.getInputStream();
                    int last4 = 0;
                    int b;
                    while ((b = in.read()) >= 0 && (last4 = (last4 << 8) | b) != 0x0d0a0d0a) {
                        // the request head; a GET has no body
                    }
                    if (!answer) continue; // never answered, never closed
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                            + (close ? "Connection: close\r\n" : "") + "\r\nok").getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    if (close) s.close();
                }
            } catch (IOException closed) {
                // the test ended
            }
        }, "caller-test-server");
        t.setDaemon(true);
        t.start();
    }

    private CompletableFuture<Caller.Reply> send(Caller caller, long timeoutMillis) {
        return get(http, caller, timeoutMillis);
    }

    /** {@code GET /dev/poll?wait=0} through {@code caller}, its outcome as a future. */
    static CompletableFuture<Caller.Reply> get(LaneHttpClient http, Caller caller, long timeoutMillis) {
        CompletableFuture<Caller.Reply> f = new CompletableFuture<>();
        caller.send(http.encode("GET", "/dev/poll?wait=0", null, new byte[0]), timeoutMillis, new Caller.Answer() {
            @Override
            public void answered(Caller.Reply reply) {
                f.complete(reply);
            }

            @Override
            public void failed(Throwable error) {
                f.completeExceptionally(error);
            }
        });
        return f;
    }
}
