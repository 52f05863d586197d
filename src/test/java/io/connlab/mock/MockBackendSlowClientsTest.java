package io.connlab.mock;

import io.connlab.mock.http.HttpLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, item 1: clients that send a request slowly, or never finish it, freeze nothing and
 * are answered 408 and closed once the head or body timeout passes; no worker waits on them.
 */
class MockBackendSlowClientsTest {
    private static final Duration HEAD = Duration.ofMillis(800);
    private static final Duration BODY = Duration.ofMillis(1500);
    private LiveBackend b;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        b = new LiveBackend(MockConfig.defaults(), HttpLimits.defaults().withTimeouts(HEAD, BODY, Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) s.close();
        b.close();
    }

    private Socket open() throws IOException {
        URI u = URI.create(b.endpoints.pollUrl());
        Socket s = new Socket(u.getHost(), u.getPort());
        s.setSoTimeout(15_000);
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Everything the server sends until it closes the connection. */
    private static String readToClose(Socket s) throws IOException {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void eightHundredOneByteClientsFreezeNoApiAndEachIsAnswered408() throws Exception {
        b.close(); // a head timeout long enough that all 800 hang at once while every API is called
        b = new LiveBackend(MockConfig.defaults(), HttpLimits.defaults().withTimeouts(Duration.ofSeconds(8), BODY,
                Duration.ofSeconds(30)));
        for (int i = 0; i < 800; i++) send(open(), "G");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.httpServer().acceptedTotal() >= 800);

        // every API answers while the 800 hang in the middle of their request heads
        assertEquals(200, b.poll("?wait=0").statusCode());
        assertTrue(b.sns().publish(p -> p.topicArn(b.endpoints.topicArn()).message("through")).messageId().length() > 0);
        assertEquals(200, b.invoke("?mode=pooled").statusCode());
        assertEquals(410, b.send(HttpRequest.newBuilder(URI.create(b.endpoints.connectionsUrl() + "/nobody")).GET())
                .statusCode());
        assertEquals(200, b.admin("GET", "status", null).statusCode());

        for (Socket s : sockets) {
            String answer = readToClose(s);
            assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
            assertTrue(answer.contains("Connection: close"), answer);
        }
        assertEquals(800, b.status().get("edges").get("http").get("timedOut").asInt());
        // only this test's own kept-alive clients remain (java.net.http, the SDK)
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.httpServer().openConnections() < 10);
    }

    @Test
    void aHeadDrippedAByteAtATimeIsCutOffAtTheHeadTimeoutNotWhenItEnds() throws Exception {
        Socket s = open();
        String head = "GET /dev/poll?wait=0 HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(200) + "\r\n\r\n";
        long began = System.nanoTime();
        String answer = null;
        try {
            // 200 ms a byte: the whole head would take over 40 s; each byte alone is well inside the timeout
            for (int i = 0; i < head.length(); i++) {
                send(s, head.substring(i, i + 1));
                s.setSoTimeout(200);
                try {
                    int first = s.getInputStream().read();
                    if (first < 0) break;
                    s.setSoTimeout(10_000);
                    answer = (char) first + readToClose(s);
                    break;
                } catch (SocketTimeoutException stillReading) {
                    // no answer yet: drip the next byte
                }
            }
        } catch (IOException closed) {
            s.setSoTimeout(10_000); // the server closed while we were still writing: read what it said
            answer = readToClose(s);
        }
        long tookMillis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(answer != null && answer.startsWith("HTTP/1.1 408 "), "answer: " + answer);
        assertTrue(tookMillis < 20_000, "cut off after " + tookMillis + " ms, not when the head would have ended");
    }

    @Test
    void aBodyThatStopsHalfwayIsAnswered408AndClosed() throws Exception {
        Socket s = open();
        send(s, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 100\r\n\r\nAction=Publish&Top");
        String answer = readToClose(s);
        assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        assertEquals(0, b.backend.sns().published(), "half a publish is no publish");
    }

    @Test
    void aConnectionThatNeverSendsAByteIsClosedWhenIdleAndAnOrdinaryOneIsKeptAlive() throws Exception {
        b.close();
        b = new LiveBackend(MockConfig.defaults(), HttpLimits.defaults().withTimeouts(HEAD, BODY, Duration.ofMillis(1500)));
        Socket silent = open();
        Socket kept = open();
        send(kept, "GET /dev/poll?wait=0 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        InputStream in = kept.getInputStream();
        byte[] head = in.readNBytes(15);
        assertEquals("HTTP/1.1 200 OK", new String(head, StandardCharsets.ISO_8859_1));
        assertEquals("", readToClose(silent), "closed without a word: it asked nothing");
        assertEquals(-1, drain(in), "the kept-alive one is closed too once idle");
    }

    private static int drain(InputStream in) throws IOException {
        int last;
        do {
            last = in.read();
        } while (last >= 0);
        return last;
    }

    @Test
    void aPollHeldLongerThanTheReadTimeoutsIsNotCutOffByThem() throws Exception {
        Socket s = open();
        send(s, "GET /dev/poll?wait=3 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> b.backend.poll().heldPolls() == 1);
        String answer = new String(s.getInputStream().readNBytes(15), StandardCharsets.ISO_8859_1);
        assertEquals("HTTP/1.1 200 OK", answer, "answered empty when its own 3 s wait ended, past the 0.8 s/1.5 s read timeouts");
        HttpResponse<String> still = b.poll("?wait=0");
        assertEquals(200, still.statusCode());
    }
}
