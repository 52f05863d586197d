package io.connlab.mock.function;

import io.connlab.mock.function.FunctionFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

class FunctionSimulatorTest {
    private FunctionFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) f.close();
    }

    private static void assertOk(Answer a) {
        assertEquals(200, a.status(), () -> a.json().toString());
        assertFalse(a.json().has("error"), () -> a.json().toString());
    }

    @Test
    void pooledInvocationsReuseAWarmContainer() throws Exception {
        f = new FunctionFixture(10, FunctionFixture.quick(), 1);
        Answer first = f.invoke("?mode=pooled");
        assertOk(first);
        assertTrue(first.json().get("coldStart").asBoolean());
        assertTrue(first.json().get("initMs").asDouble() >= 20, first.json().toString());
        String container = first.json().get("container").asText();
        for (String field : List.of("connectMs", "queryMs", "totalMs")) assertTrue(first.json().has(field), field);
        assertEquals(1, first.json().get("dbConnections").asInt());
        assertEquals(10, first.json().get("dbMaxConnections").asInt());

        for (int i = 0; i < 3; i++) {
            Answer warm = f.invoke("?mode=pooled");
            assertOk(warm);
            assertFalse(warm.json().get("coldStart").asBoolean());
            assertEquals(0, warm.json().get("initMs").asDouble());
            assertEquals(container, warm.json().get("container").asText());
        }
        FunctionCounts counts = f.simulator.counts(InvocationMode.POOLED);
        assertEquals(1, counts.coldStarts());
        assertEquals(4, counts.invocations());
        assertEquals(1, counts.warm());
        assertEquals(0, counts.busy());
        assertEquals(0, counts.errors());
        ContainerInfo info = f.simulator.containers().get(0);
        assertEquals(container, info.id());
        assertEquals("pooled", info.mode());
        assertEquals("idle", info.state());
        assertEquals(4, info.invocations());
        // The pool keeps its one connection open between invocations.
        assertEquals(1, f.db.connectionsInUse());
    }

    @Test
    void concurrentInvocationsScaleOutContainers() throws Exception {
        f = new FunctionFixture(10, FunctionFixture.quick(), 1);
        List<Answer> answers = f.invokeConcurrently("?mode=pooled&sleepMs=400", 4);
        Set<String> containers = new HashSet<>();
        for (Answer a : answers) {
            assertOk(a);
            assertTrue(a.json().get("coldStart").asBoolean());
            containers.add(a.json().get("container").asText());
        }
        assertEquals(4, containers.size());
        assertEquals(4, f.simulator.counts(InvocationMode.POOLED).coldStarts());
        assertEquals(4, f.simulator.counts(InvocationMode.POOLED).warm());
    }

    @Test
    void unpooledPastMaxConnectionsFailsWith53300WhileTheProxyQueues() throws Exception {
        f = new FunctionFixture(5, FunctionFixture.quick(), 1);
        List<Answer> unpooled = f.invokeConcurrently("?mode=unpooled&sleepMs=1500", 10);
        int refused = 0;
        for (Answer a : unpooled) {
            if (a.status() == 500) {
                refused++;
                assertEquals("53300", a.json().get("errorCode").asText(), a.json().toString());
                assertTrue(a.json().get("error").asText().contains("FATAL: sorry, too many clients already"));
            } else {
                assertOk(a);
            }
        }
        assertTrue(refused >= 1, "some unpooled invocations must be refused");
        assertTrue(refused <= 5, "at most 5 of 10 get no connection, got " + refused);
        assertEquals(refused, f.simulator.counts(InvocationMode.UNPOOLED).errors());
        // Unpooled connections close with their invocation; the containers survive the DB error:
        // every container started is warm again. Not "10 warm": a refused invocation ends at once,
        // and on a loaded machine one of the ten can arrive after that and reuse its container.
        await().atMost(Duration.ofSeconds(5)).until(() -> f.db.connectionsInUse() == 0);
        FunctionCounts afterUnpooled = f.simulator.counts(InvocationMode.UNPOOLED);
        assertEquals(0, afterUnpooled.busy(), afterUnpooled.toString());
        assertEquals(afterUnpooled.coldStarts(), afterUnpooled.warm(), afterUnpooled.toString());

        // The proxy holds at most 50 % of 5 = 2 connections; the others wait for one instead of failing.
        List<Answer> proxied = f.invokeConcurrently("?mode=proxy&sleepMs=200", 10);
        for (Answer a : proxied) {
            assertOk(a);
            assertTrue(a.json().get("dbConnections").asInt() <= 2, a.json().toString());
        }
        assertEquals(0, f.simulator.counts(InvocationMode.PROXY).errors());
    }

    @Test
    void pooledContainersHoldOneConnectionEachAndNeverFailUnderTheLimit() throws Exception {
        f = new FunctionFixture(5, FunctionFixture.quick().withConcurrencyLimit(4), 1);
        for (int round = 0; round < 3; round++) {
            for (Answer a : f.invokeConcurrently("?mode=pooled&sleepMs=100", 4)) {
                assertOk(a);
                assertTrue(a.json().get("dbConnections").asInt() <= 4, a.json().toString());
            }
        }
        FunctionCounts counts = f.simulator.counts(InvocationMode.POOLED);
        assertEquals(12, counts.invocations());
        assertTrue(counts.coldStarts() <= 4, counts.toString());
        assertEquals(0, counts.errors());
        assertTrue(f.db.connectionsInUse() <= 4);
    }

    @Test
    void aPooledContainerWhosePoolIsRefusedAtInitIsDiscarded() throws Exception {
        f = new FunctionFixture(2, FunctionFixture.quick(), 1);
        List<Answer> answers = f.invokeConcurrently("?mode=pooled&sleepMs=800", 3);
        long failed = answers.stream().filter(a -> a.status() == 500).count();
        assertEquals(1, failed);
        Answer bad = answers.stream().filter(a -> a.status() == 500).findFirst().orElseThrow();
        assertEquals("53300", bad.json().get("errorCode").asText());
        assertTrue(bad.json().get("coldStart").asBoolean());
        assertEquals(2, f.simulator.containers().size());
        assertEquals(1, f.simulator.counts(InvocationMode.POOLED).errors());
        assertOk(f.invoke("?mode=pooled"));
    }

    @Test
    void idleContainersAreReclaimedAndTheirPoolsClosed() throws Exception {
        // 10 minutes idle / 6000 = 100 ms
        f = new FunctionFixture(5, FunctionFixture.quick(), 6000);
        assertOk(f.invoke("?mode=pooled"));
        await().atMost(Duration.ofSeconds(5)).until(() -> f.simulator.containers().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> f.db.connectionsInUse() == 0);
        assertEquals(0, f.simulator.counts(InvocationMode.POOLED).warm());
        Answer again = f.invoke("?mode=pooled");
        assertOk(again);
        assertTrue(again.json().get("coldStart").asBoolean());
    }

    @Test
    void oldContainersAreRecycled() throws Exception {
        // scale 36000: idle 10 h -> 1 s, lifetime 2 h -> 200 ms
        f = new FunctionFixture(5, FunctionFixture.quick().withLifetimes(Duration.ofHours(10), Duration.ofHours(2)), 36000);
        Answer first = f.invoke("?mode=pooled&sleepMs=300");
        assertOk(first);
        Answer second = f.invoke("?mode=pooled");
        assertOk(second);
        assertTrue(second.json().get("coldStart").asBoolean());
        assertNotEquals(first.json().get("container").asText(), second.json().get("container").asText());
    }

    @Test
    void pastTheConcurrencyLimitInvocationsAreThrottledWith429() throws Exception {
        f = new FunctionFixture(5, FunctionFixture.quick().withConcurrencyLimit(2), 1);
        List<Answer> answers = f.invokeConcurrently("?mode=unpooled&sleepMs=1000", 3);
        List<Answer> throttled = answers.stream().filter(a -> a.status() == 429).toList();
        assertEquals(1, throttled.size());
        Answer t = throttled.get(0);
        assertEquals("TooManyRequestsException", t.response().headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals("Rate Exceeded.", t.json().get("message").asText());
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", t.json().get("Reason").asText());
        assertEquals(1, f.simulator.counts(InvocationMode.UNPOOLED).throttles());
        // Each mode is its own function with its own limit.
        assertOk(f.invoke("?mode=pooled"));
        assertOk(f.invoke("?mode=unpooled"));
    }

    @Test
    void badInputGetsAClearAnswerAndTheSimulatorKeepsServing() throws Exception {
        f = new FunctionFixture(5, FunctionFixture.quick(), 1);
        Answer missing = f.invoke("");
        assertEquals(400, missing.status());
        assertTrue(missing.json().get("message").asText().contains("mode is required"));
        Answer unknown = f.invoke("?mode=sideways");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().get("message").asText().contains("sideways"));
        assertEquals(400, f.invoke("?mode=pooled&sleepMs=abc").status());
        assertEquals(400, f.invoke("?mode=pooled&sleepMs=999999").status());

        Answer get = f.send(HttpRequest.newBuilder(URI.create(f.invokeUrl + "?mode=pooled")).GET().build());
        assertEquals(405, get.status());
        assertEquals("POST", get.response().headers().firstValue("Allow").orElse(null));
        assertEquals(404, f.invoke("/elsewhere?mode=pooled").status());

        HttpRequest withBody = HttpRequest.newBuilder(URI.create(f.invokeUrl + "?mode=proxy"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ignored\": true}")).build();
        assertOk(f.send(withBody));
        HttpRequest tooLarge = HttpRequest.newBuilder(URI.create(f.invokeUrl + "?mode=proxy"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[FunctionSimulator.MAX_PAYLOAD_BYTES + 1])).build();
        assertEquals(413, f.send(tooLarge).status());

        assertOk(f.invoke("?mode=pooled"));
        assertEquals(0, f.simulator.counts(InvocationMode.POOLED).errors());
    }

    @Test
    void whileTheDatabaseIsStoppedInvocationsFailThenRecover() throws Exception {
        f = new FunctionFixture(5, FunctionFixture.quick(), 1);
        assertOk(f.invoke("?mode=unpooled"));
        f.db.stopFor(Duration.ofSeconds(2));
        Answer refused = f.invoke("?mode=unpooled");
        assertEquals(500, refused.status());
        assertEquals("57P03", refused.json().get("errorCode").asText());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> f.invoke("?mode=unpooled").status() == 200);
    }

    @Test
    void closeClosesEveryPool() throws Exception {
        f = new FunctionFixture(5, FunctionFixture.quick(), 1);
        assertOk(f.invoke("?mode=pooled"));
        assertOk(f.invoke("?mode=proxy"));
        assertTrue(f.db.connectionsInUse() >= 2);
        f.simulator.close();
        f.simulator.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> f.db.connectionsInUse() == 0);
        assertTrue(f.simulator.containers().isEmpty());
        assertEquals(503, f.invoke("?mode=pooled").status());
    }
}
