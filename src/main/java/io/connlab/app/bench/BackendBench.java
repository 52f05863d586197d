package io.connlab.app.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Measures the backend alone, with lean clients: N raw WebSocket connections and N raw held
 * polls on one NIO selector (no client library in the way), then a series of SNS publishes,
 * each timed from the publish to its arrival on every connection and every poll.
 */
public final class BackendBench implements AutoCloseable {
    /** API Gateway takes 500 new connections a second; stay under it. */
    private static final int CONNECTS_PER_SECOND = 450;
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(10);
    private static final String WS_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final URI websocket;
    private final URI poll;
    private final URI sns;
    private final String topicArn;
    private final Selector selector = Selector.open();
    private final List<SocketChannel> sockets = new ArrayList<>();
    private final List<SocketChannel> polls = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Histogram websocketMicros = new Histogram(60_000_000L, 3);
    private final Histogram pollMicros = new Histogram(60_000_000L, 3);
    private H2cClient h2c; // null: each poll on a socket of its own (HTTP/1.1)
    private final List<H2cClient.Request> h2cPolls = new ArrayList<>();
    private final AtomicInteger h2cArrived = new AtomicInteger();

    public BackendBench(URI websocket, URI poll, URI sns, String topicArn) throws IOException {
        this.websocket = websocket;
        this.poll = poll;
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /**
     * Opens {@code n} WebSocket connections, each upgraded before the next, spaced to stay under
     * the gateway's rate; one refused with 429 anyway (a second boundary) waits a second and retries.
     */
    public void openWebSockets(int n) throws IOException, InterruptedException {
        String head = "GET " + websocket.getRawPath() + query(websocket) + " HTTP/1.1\r\nHost: " + websocket.getHost()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + WS_KEY + "\r\n\r\n";
        long spacingNanos = 1_000_000_000L / CONNECTS_PER_SECOND;
        for (int i = 0, refusals = 0; i < n; ) {
            long began = System.nanoTime();
            SocketChannel c = SocketChannel.open(new InetSocketAddress(websocket.getHost(), websocket.getPort()));
            c.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
            String answer = readHead(c);
            if (answer.startsWith("HTTP/1.1 101")) {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ, Boolean.TRUE);
                sockets.add(c);
                i++;
            } else {
                c.close();
                if (!answer.startsWith("HTTP/1.1 429") || ++refusals > 3) {
                    throw new IOException("WebSocket " + (i + 1) + " refused: " + answer.lines().findFirst().orElse(answer));
                }
                Thread.sleep(1_000);
            }
            long wait = spacingNanos - (System.nanoTime() - began);
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /**
     * Holds the polls as streams of HTTP/2 in clear text on {@code connections} connections instead
     * of a socket each: a few descriptors for any number of polls.
     */
    public void pollOverH2c(int connections) throws IOException {
        h2c = new H2cClient(poll.getHost(), poll.getPort(), connections);
    }

    /** Sends {@code n} polls that the backend holds (no cursor: from now; a long wait). */
    public void holdPolls(int n) throws IOException {
        if (h2c != null) {
            for (int i = 0; i < n; i++) {
                H2cClient.Request r = h2c.get(poll.getRawPath() + "?wait=25");
                r.answer().whenComplete((a, e) -> h2cArrived.incrementAndGet());
                h2cPolls.add(r);
            }
            return;
        }
        byte[] request = ("GET " + poll.getRawPath() + "?wait=25 HTTP/1.1\r\nHost: " + poll.getHost() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < n; i++) {
            SocketChannel c = SocketChannel.open(new InetSocketAddress(poll.getHost(), poll.getPort()));
            c.write(ByteBuffer.wrap(request));
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ, Boolean.FALSE);
            polls.add(c);
        }
    }

    /** Waits until {@code count} says the backend holds {@code n}; false after {@code timeout}. */
    public static boolean awaitCount(IntSupplier count, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.getAsInt() < n) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(50); // polling the backend's admin API
        }
        return true;
    }

    /**
     * Publishes once through SNS and records, for every open WebSocket and held poll, the time
     * from the start of the publish to the first bytes of its delivery. Returns how many arrived.
     */
    public int publishAndTime(String message, boolean record) throws IOException, InterruptedException {
        int expected = sockets.size() + polls.size() + h2cPolls.size();
        h2cArrived.set(0);
        long t0 = System.nanoTime();
        String form = "Action=Publish&TopicArn=" + java.net.URLEncoder.encode(topicArn, StandardCharsets.UTF_8)
                + "&Message=" + java.net.URLEncoder.encode(message, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sns)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("publish answered " + r.statusCode() + ": " + r.body());
        int arrived = 0;
        long deadline = t0 + ARRIVAL_TIMEOUT.toNanos();
        while (arrived + h2cArrived.get() < expected && System.nanoTime() < deadline) {
            if (selector.select(sockets.isEmpty() && polls.isEmpty() ? 20 : 200) == 0) continue;
            for (SelectionKey k : selector.selectedKeys()) {
                buffer.clear();
                int n = ((SocketChannel) k.channel()).read(buffer);
                if (n == 0) continue;
                long micros = (System.nanoTime() - t0) / 1_000;
                boolean isWebSocket = (Boolean) k.attachment();
                if (record) (isWebSocket ? websocketMicros : pollMicros).recordValue(micros);
                if (!isWebSocket || n < 0) k.cancel(); // a poll is answered once
                arrived++;
            }
            selector.selectedKeys().clear();
        }
        for (SocketChannel c : polls) c.close();
        polls.clear();
        selector.selectNow(); // let the cancelled keys go
        return arrived + h2cAnswers(t0, record);
    }

    /** Records the answered HTTP/2 polls (their heads' arrival), resets the others; how many were answered. */
    private int h2cAnswers(long t0, boolean record) {
        int answered = 0;
        for (H2cClient.Request r : h2cPolls) {
            H2cClient.Answer a = r.answer().isDone() && !r.answer().isCompletedExceptionally() ? r.answer().join() : null;
            if (a == null || a.status() != 200) {
                r.reset();
                continue;
            }
            answered++;
            if (record) pollMicros.recordValue((a.headNanos() - t0) / 1_000);
        }
        h2cPolls.clear();
        return answered;
    }

    public int websockets() {
        return sockets.size();
    }

    private static String query(URI u) {
        return u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
    }

    private static String readHead(SocketChannel c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(2048);
        while (b.hasRemaining()) {
            if (c.read(b) < 0) break;
            String s = new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1);
            if (s.contains("\r\n\r\n")) return s;
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel c : sockets) c.close();
        for (SocketChannel c : polls) c.close();
        selector.close();
        if (h2c != null) h2c.close();
    }

    /** Publish-to-delivery times of the WebSocket clients, in microseconds. */
    public Histogram websocketMicros() {
        return websocketMicros;
    }

    /** Publish-to-answer times of the held polls, in microseconds. */
    public Histogram pollMicros() {
        return pollMicros;
    }
}
