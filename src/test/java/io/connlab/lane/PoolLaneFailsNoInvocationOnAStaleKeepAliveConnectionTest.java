package io.connlab.lane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression: a 1,000-client bench had 4 "io" failures ("HTTP/1.1 header parser received no
 * bytes") on the unpooled pool lane. The mock's HTTP server closes a connection as soon as it
 * goes idle when 200 are idle already (the JDK HttpServer's sun.net.httpserver.maxIdleConnections;
 * the 1,000 short pollers keep that many idle), and any server may close an idle keep-alive
 * connection at any time. An invocation written onto such a connection before the client saw
 * the close got no answer, and java.net.http retries only GETs, so the POST failed.
 *
 * <p>Here a raw server answers one invocation with keep-alive, then reads the next one from the
 * same connection and closes it unanswered, as a server that closed it a moment earlier does.
 * The lane must send it again on a new connection: not a byte came back, the server never
 * answered it.
 */
class PoolLaneFailsNoInvocationOnAStaleKeepAliveConnectionTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    final AtomicInteger connections = new AtomicInteger();
    final List<String> requestLines = new CopyOnWriteArrayList<>();
    ServerSocket server;
    Thread acceptor;
    PoolLane lane;

    @AfterEach
    void cleanUp() throws IOException {
        if (lane != null) lane.stop();
        if (server != null) server.close();
    }

    @Test
    void anInvocationOnAConnectionTheServerClosedIsSentAgainOnANewOne() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "stale-keepalive-server");
        acceptor.setDaemon(true);
        acceptor.start();
        RecordingRecorder rec = new RecordingRecorder();
        lane = new PoolLane("http://127.0.0.1:" + server.getLocalPort() + "/dev/invoke",
                PoolLane.Settings.of(PoolMode.UNPOOLED, 0, 1), rec);
        lane.start();

        assertTrue(lane.invoke());
        await().atMost(WAIT).until(() -> rec.invocations.size() == 1);
        assertTrue(lane.invoke()); // goes out on the kept-alive connection, which the server then closes
        await().atMost(WAIT).until(() -> rec.invocations.size() == 2);

        assertEquals(0, lane.failures(), rec.invocations::toString);
        assertEquals(2, connections.get());
        assertEquals(3, requestLines.size(), requestLines::toString); // the second invocation twice
        assertTrue(requestLines.stream().allMatch(l -> l.startsWith("POST /dev/invoke?mode=unpooled ")), requestLines::toString);
    }

    /** Connection 1: answers, then reads the next request and closes unanswered. Connection 2: answers. */
    private void serve() {
        try {
            while (!server.isClosed()) {
                Socket s = server.accept();
                int n = connections.incrementAndGet();
                try (s) {
                    InputStream in = s.getInputStream();
                    readRequest(in);
                    answer(s, n);
                    if (n == 1) {
                        readRequest(in);
                        s.setSoLinger(true, 0); // reset, as a closed socket answers data sent to it
                    } else {
                        while (readRequest(in)) answer(s, n);
                    }
                }
            }
        } catch (IOException closed) {
            // the test ended
        }
    }

    private boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) break;
        }
        if (b < 0) return false;
        String text = head.toString(StandardCharsets.ISO_8859_1);
        requestLines.add(text.substring(0, text.indexOf("\r\n")));
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        in.readNBytes(length);
        return true;
    }

    private static void answer(Socket s, int n) throws IOException {
        byte[] body = ("{\"container\":\"c-" + n + "\",\"coldStart\":true,\"connectMs\":10,\"queryMs\":1,\"totalMs\":11,"
                + "\"dbConnections\":1,\"dbMaxConnections\":100}").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(body);
        s.getOutputStream().flush();
    }
}
