package io.connlab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.LiveBackend.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated Lambda invocations through the backend's HTTP listener, against its real database. */
class MockBackendInvokeTest {
    private LiveBackend b;

    @AfterEach
    void stop() {
        if (b != null) b.close();
    }

    @Test
    void twoPooledInvocationsMakeOneColdStartInOneContainer() throws Exception {
        b = LiveBackend.start();
        HttpResponse<String> first = b.invoke("?mode=pooled");
        HttpResponse<String> second = b.invoke("?mode=pooled");

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        JsonNode one = json(first);
        JsonNode two = json(second);
        assertTrue(one.get("coldStart").asBoolean(), first.body());
        assertFalse(two.get("coldStart").asBoolean(), second.body());
        assertEquals(one.get("container").asText(), two.get("container").asText());
        assertEquals("pooled", two.get("mode").asText());
        assertEquals(100, two.get("dbMaxConnections").asInt());
        assertFalse(two.has("error"), second.body());
        assertEquals(1, b.status().get("functions").get("pooled").get("coldStarts").asLong());
    }

    @Test
    void unpooledInvocationsPastMaxConnectionsAreRefusedWith53300() throws Exception {
        b = new LiveBackend(MockConfig.defaults().withDbMaxConnections(3));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) calls.add(b.invokeAsync("?mode=unpooled&sleepMs=1000"));

        int ok = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get(30, TimeUnit.SECONDS);
            JsonNode answer = json(r);
            assertEquals(3, answer.get("dbMaxConnections").asInt(), r.body());
            if (r.statusCode() == 200) {
                ok++;
                assertTrue(answer.get("dbConnections").asInt() <= 3, r.body());
            } else {
                assertEquals(500, r.statusCode(), r.body());
                assertEquals("53300", answer.get("errorCode").asText(), r.body());
                assertEquals("FATAL: sorry, too many clients already", answer.get("error").asText(), r.body());
                refused++;
            }
        }
        assertTrue(refused >= 1, "some invocations refused, got " + refused);
        assertTrue(ok >= 1 && ok <= 3, "at most max_connections succeed at once, got " + ok);
        assertTrue(b.status().get("dbRefused").asLong() >= refused);
        assertEquals(200, b.invoke("?mode=unpooled").statusCode(), "serves again once the connections are closed");
    }

    @Test
    void aBadModeGets400AndTheFunctionsKeepServing() throws Exception {
        b = LiveBackend.start();
        HttpResponse<String> r = b.invoke("?mode=sometimes");
        assertEquals(400, r.statusCode());
        assertTrue(json(r).get("message").asText().contains("pooled, unpooled or proxy"), r.body());
        assertEquals(200, b.invoke("?mode=proxy").statusCode());
    }
}
