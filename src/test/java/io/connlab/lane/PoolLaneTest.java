package io.connlab.lane;

import io.connlab.metrics.LaneRecorder.Invocation;
import io.connlab.metrics.LaneState;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool lane against a stub function endpoint that answers as the mock and AWS do. */
class PoolLaneTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    HttpServer server;
    final ExecutorService handlers = Executors.newCachedThreadPool();
    final List<String> modes = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    volatile CountDownLatch gate = new CountDownLatch(0);
    final List<PoolLane> lanes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/dev/invoke", this::invoke);
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void cleanUp() {
        lanes.forEach(PoolLane::stop);
        gate.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    /** pooled: always fine on one warm container; unpooled: the 3rd call on finds the database full; proxy: throttled. */
    private void invoke(HttpExchange ex) throws IOException {
        String mode = ex.getRequestURI().getQuery().replace("mode=", "").replaceAll("&.*", "");
        modes.add(mode);
        ex.getRequestBody().readAllBytes();
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int n = calls.computeIfAbsent(mode, m -> new AtomicInteger()).incrementAndGet();
        switch (mode) {
            case "pooled" -> send(ex, 200, "{\"container\":\"c-1\",\"coldStart\":" + (n == 1) + ",\"initMs\":200,"
                    + "\"connectMs\":" + (n == 1 ? 10 : 0) + ",\"queryMs\":1,\"totalMs\":12,\"dbConnections\":1,\"dbMaxConnections\":2}", null);
            case "unpooled" -> {
                if (n <= 2) send(ex, 200, "{\"container\":\"c-" + n + "\",\"coldStart\":true,\"connectMs\":10,\"queryMs\":1,"
                        + "\"totalMs\":11,\"dbConnections\":" + n + ",\"dbMaxConnections\":2}", null);
                else send(ex, 500, "{\"container\":\"c-" + n + "\",\"error\":\"FATAL: sorry, too many clients already\","
                        + "\"errorCode\":\"53300\",\"dbConnections\":2,\"dbMaxConnections\":2}", null);
            }
            default -> send(ex, 429, "{\"message\":\"Rate Exceeded.\"}", "TooManyRequestsException");
        }
    }

    private static void send(HttpExchange ex, int status, String body, String errorType) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (errorType != null) ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dev/invoke";
    }

    PoolLane lane(PoolLane.Settings s, RecordingRecorder rec) {
        PoolLane lane = new PoolLane(url(), s, rec);
        lanes.add(lane);
        return lane;
    }

    @Test
    void pooledAndUnpooledRunSideBySideAndErrorsHaveKinds() {
        RecordingRecorder pooledRec = new RecordingRecorder();
        RecordingRecorder unpooledRec = new RecordingRecorder();
        PoolLane pooled = lane(PoolLane.Settings.of(PoolMode.POOLED, 100, 2), pooledRec);
        PoolLane unpooled = lane(PoolLane.Settings.of(PoolMode.UNPOOLED, 100, 2), unpooledRec);
        assertEquals("Pool: pooled", pooled.name());
        pooled.start();
        unpooled.start();
        await().atMost(WAIT).until(() -> pooledRec.invocations.size() >= 6 && unpooledRec.invocations.size() >= 6);
        pooled.stop();
        unpooled.stop();

        assertTrue(pooledRec.invocations.stream().noneMatch(Invocation::failed));
        assertEquals(1, pooledRec.invocations.stream().filter(Invocation::coldStart).count());
        List<Invocation> failed = unpooledRec.invocations.stream().filter(Invocation::failed).toList();
        assertEquals(unpooledRec.invocations.size() - 2, failed.size());
        assertTrue(failed.stream().allMatch(i -> "db-too-many-clients".equals(i.errorKind())));
        assertEquals(failed.size(), unpooled.failures());
        assertTrue(unpooledRec.errors.isEmpty(), "failed invocations are reported once, through invocation()");
        assertTrue(modes.contains("pooled") && modes.contains("unpooled"));
        assertTrue(pooledRec.invocations.stream().allMatch(i -> i.roundTripMs() > 0 && i.dbMaxConnections() == 2));
    }

    @Test
    void throttlingIsItsOwnKind() {
        RecordingRecorder rec = new RecordingRecorder();
        PoolLane proxy = lane(PoolLane.Settings.of(PoolMode.PROXY, 0, 1), rec);
        proxy.start();
        assertTrue(proxy.invoke());
        await().atMost(WAIT).until(() -> rec.invocations.size() == 1);
        assertEquals("throttled", rec.invocations.get(0).errorKind());
        assertEquals("Rate Exceeded.", rec.invocations.get(0).error());
        assertEquals(1, rec.status(429));
    }

    @Test
    void callsPastTheCapAreThrottledAndCounted() {
        gate = new CountDownLatch(1); // the function hangs until released
        RecordingRecorder rec = new RecordingRecorder();
        PoolLane lane = lane(PoolLane.Settings.of(PoolMode.POOLED, 0, 2), rec);
        lane.start();
        assertTrue(lane.invoke());
        assertTrue(lane.invoke());
        assertFalse(lane.invoke());
        assertEquals(1, lane.throttled());
        assertEquals(1, rec.throttled);
        assertEquals(LaneState.HOLDING, lane.clientState(0));
        gate.countDown();
        await().atMost(WAIT).until(() -> rec.invocations.size() == 2);
        await().atMost(WAIT).until(() -> lane.invoke());
    }

    @Test
    void anUnreachableFunctionIsAConnectFailure() {
        int port = server.getAddress().getPort();
        server.stop(0);
        RecordingRecorder rec = new RecordingRecorder();
        PoolLane lane = new PoolLane("http://127.0.0.1:" + port + "/dev/invoke", PoolLane.Settings.of(PoolMode.POOLED, 0, 1), rec);
        lanes.add(lane);
        lane.start();
        lane.invoke();
        await().atMost(WAIT).until(() -> rec.invocations.size() == 1);
        assertEquals("connect", rec.invocations.get(0).errorKind());
        assertEquals(-1, rec.invocations.get(0).dbConnections());
        lane.stop();
        assertFalse(lane.invoke());
        assertEquals(LaneState.STOPPED, lane.state());
    }
}
