package io.connlab.mock.http;

import io.connlab.app.bench.H2cClient;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP/2 clients that misbehave, from raw sockets: each abuse meets a bound, and the server goes on serving. */
class Http2AbuseTest {
    private static final int REFUSED_STREAM = 7;
    private static final int ENHANCE_YOUR_CALM = 0xb;

    private TestHttp http;
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : clients) c.close();
        if (http != null) http.close();
    }

    /** Every request is held, unanswered, until its client goes away (as a long poll is). */
    private void serveHolding() throws IOException {
        http = TestHttp.serveEveryPath(ex -> {
            held.add(ex);
            if (!ex.whenClientGone(() -> held.remove(ex))) held.remove(ex);
        });
    }

    private RawH2 raw() throws IOException {
        RawH2 r = new RawH2(http.port());
        clients.add(r);
        return r;
    }

    /** A fresh, well-behaved HTTP/2 client still gets its answer. */
    private void assertStillServing() throws Exception {
        try (RawH2 fresh = new RawH2(http.port())) {
            fresh.request(1, "GET", "/fresh", true);
            fresh.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> held.stream().anyMatch(
                    ex -> ex.getRequestURI().getPath().equals("/fresh")));
        }
    }

    @Test
    void theServerOffersAThousandStreamsAndRefusesTheOnesPastIt() throws Exception {
        serveHolding();
        RawH2 r = raw();
        RawH2.Frame settings = r.readUntil(RawH2.SETTINGS);
        assertEquals(H2c.MAX_CONCURRENT_STREAMS, setting(settings, 3), "SETTINGS_MAX_CONCURRENT_STREAMS");
        // never acknowledges the server's SETTINGS: the bound must hold all the same
        for (int i = 0; i < H2c.MAX_CONCURRENT_STREAMS + 50; i++) r.request(1 + 2 * i, "GET", "/poll", true);
        r.flush();
        int refused = 0;
        while (refused < 50) {
            RawH2.Frame f = r.read();
            assertNotNull(f, "the connection stayed open");
            if (f.type() == RawH2.RST_STREAM) {
                assertEquals(REFUSED_STREAM, f.errorCode());
                refused++;
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == H2c.MAX_CONCURRENT_STREAMS);
        r.close();
        await().atMost(Duration.ofSeconds(10)).until(held::isEmpty); // every held stream let go with its connection
    }

    @Test
    void rapidResetEndsInGoAwayAndReleasesEverything() throws Exception {
        serveHolding();
        RawH2 r = raw();
        try {
            for (int i = 0; i < 1_000; i++) {
                r.request(1 + 2 * i, "GET", "/reset", true);
                r.reset(1 + 2 * i);
            }
            r.flush();
        } catch (IOException closedWhileWriting) {
            // the server may have closed before the last of them
        }
        RawH2.Frame goAway = r.readToEnd();
        assertNotNull(goAway, "GOAWAY before the close");
        assertEquals(ENHANCE_YOUR_CALM, goAway.errorCode());
        await().atMost(Duration.ofSeconds(10)).until(held::isEmpty);
        assertStillServing();
    }

    @Test
    void aHeaderBlockPastTheBoundEndsTheConnectionWhateverItsFrames() throws Exception {
        serveHolding();
        for (int chunk : new int[]{16 * 1024, 1}) { // big CONTINUATION frames, then a flood of tiny ones
            RawH2 r = raw();
            byte[] oneHeader = ("x".repeat(100)).getBytes(StandardCharsets.US_ASCII);
            try {
                r.frame(RawH2.HEADERS, 0, 1, r.requestBlock("GET", "/huge"));
                for (int sent = 0; sent < 1 << 20; sent += chunk) {
                    r.frame(RawH2.CONTINUATION, 0, 1, chunk == 1 ? new byte[]{0x40} : literal(oneHeader, chunk));
                }
                r.flush();
            } catch (IOException closedWhileWriting) {
                // closed before a megabyte of header block went out: the bound
            }
            assertNotNull(r.readToEnd(), "GOAWAY before the close, " + chunk + "-byte CONTINUATIONs");
        }
        assertTrue(held.isEmpty(), "no request was made of them");
        assertStillServing();
    }

    @Test
    void aHeaderListOverTheHeadBoundIsAnswered431AndTheConnectionServesOn() throws Exception {
        serveHolding();
        RawH2 r = raw();
        StringBuilder query = new StringBuilder("/big?");
        java.util.Random random = new java.util.Random(1);
        while (query.length() < 18_000) query.append((char) ('!' + random.nextInt(90)));
        byte[] block = r.requestBlock("GET", query.toString().replace('#', 'a').replace('%', 'b'));
        int half = block.length / 2; // a list over the 16 KB head bound, a block under the 20 KB that would end the connection
        r.frame(RawH2.HEADERS, 0, 1, Arrays.copyOfRange(block, 0, half));
        r.frame(RawH2.CONTINUATION, RawH2.END_HEADERS, 1, Arrays.copyOfRange(block, half, block.length));
        r.flush();
        RawH2.Frame answer = firstHeadersOn(r, 1);
        assertNotNull(answer, "an answer on the stream");
        assertEquals("431", r.headers(answer).status().toString());
        r.request(3, "GET", "/after", true);
        r.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 1);
    }

    @ParameterizedTest(name = "frame type {0}")
    @ValueSource(ints = {RawH2.PING, RawH2.SETTINGS})
    void aClientThatFloodsFramesToAcknowledgeAndNeverReadsIsClosed(int type) throws Exception {
        serveHolding();
        RawH2 r = new RawH2(http.port(), 4096);
        clients.add(r);
        long began = System.nanoTime();
        try {
            byte[] payload = new byte[type == RawH2.PING ? 8 : 0];
            for (int i = 0; i < 500_000; i++) r.frame(type, 0, 0, payload);
            r.flush();
        } catch (IOException closed) {
            // the server closed it: the bound
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.server.openConnections() == 0);
        assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(30));
        assertStillServing();
    }

    @Test
    void bodiesInFlightPastTheConnectionsBoundAreRefused503() throws Exception {
        serveHolding();
        try (H2cClient c = new H2cClient("127.0.0.1", http.port(), 1)) {
            byte[] six = new byte[6 << 20];
            List<H2cClient.Request> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) sent.add(c.send("POST", "/body" + i, "application/octet-stream", six));
            H2cClient.Answer refused = null;
            await().atMost(Duration.ofSeconds(30)).until(() -> held.size() + sent.stream().filter(s -> s.answer().isDone()).count() == 3);
            for (H2cClient.Request s : sent) {
                if (s.answer().isDone() && !s.answer().isCompletedExceptionally()) refused = s.answer().get();
            }
            assertNotNull(refused, "one of the three was answered");
            assertEquals(503, refused.status());
            assertTrue(refused.body().contains("in flight"), refused.body());
            assertEquals(2, held.size(), "the other two, 12 MB, held");
        }
    }

    @Test
    void aBodyThatStopsComingGets408OnItsStreamAlone() throws Exception {
        held.clear();
        Routes routes = new Routes().add(new Route("/{path+}", ex -> {
            held.add(ex);
            if (!ex.whenClientGone(() -> held.remove(ex))) held.remove(ex);
        }, 1 << 20, true, Route.Access.OPEN));
        http = TestHttp.serve(routes, HttpLimits.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(300),
                Duration.ofMinutes(5)));
        RawH2 r = raw();
        r.request(1, "POST", "/slow", false); // and never a DATA frame
        r.request(3, "GET", "/held", true);
        r.flush();
        RawH2.Frame answer = firstHeadersOn(r, 1);
        assertNotNull(answer);
        assertEquals("408", r.headers(answer).status().toString());
        assertEquals(1, held.size(), "the other stream, still held");
        assertEquals(1, http.server.openConnections(), "and the connection open");
    }

    @Test
    void aConnectionIdleWithNoStreamIsClosedButOneHoldingAStreamIsNot() throws Exception {
        Routes routes = new Routes().add(new Route("/{path+}", ex -> {
            if (ex.getRequestURI().getPath().equals("/hold")) held.add(ex);
            else ex.respond(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        }, 1 << 20, true, Route.Access.OPEN));
        http = TestHttp.serve(routes, HttpLimits.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMillis(300)));
        RawH2 holding = raw();
        holding.request(1, "GET", "/hold", true);
        holding.flush();
        RawH2 idle = raw();
        idle.request(1, "GET", "/answered", true);
        idle.flush();
        RawH2.Frame goAway = idle.readToEnd(); // answered, then idle for 300 ms: GOAWAY and the close
        assertNotNull(goAway);
        assertEquals(0, goAway.errorCode(), "NO_ERROR");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.server.openConnections() == 1);
        assertEquals(1, held.size(), "the connection with a held stream stays, however long its stream waits");
    }

    /** The first HEADERS frame on {@code stream}, decoding every HEADERS before it (HPACK keeps state). */
    private static RawH2.Frame firstHeadersOn(RawH2 r, int stream) throws Exception {
        for (RawH2.Frame f = r.read(); f != null; f = r.read()) {
            if (f.type() != RawH2.HEADERS) continue;
            if (f.stream() == stream) return f;
            r.headers(f);
        }
        return null;
    }

    /** A SETTINGS frame's value for {@code id}, or -1. */
    private static int setting(RawH2.Frame f, int id) {
        ByteBuffer b = ByteBuffer.wrap(f.payload());
        while (b.remaining() >= 6) {
            int k = b.getShort() & 0xffff;
            int v = b.getInt();
            if (k == id) return v;
        }
        return -1;
    }

    /** {@code size} bytes of header block: literal headers without indexing, each a 100-byte value. */
    private static byte[] literal(byte[] value, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        while (b.remaining() >= 4 + value.length) {
            b.put((byte) 0x00).put((byte) 1).put((byte) 'x').put((byte) value.length).put(value);
        }
        while (b.hasRemaining()) b.put((byte) 0);
        return b.array();
    }
}
