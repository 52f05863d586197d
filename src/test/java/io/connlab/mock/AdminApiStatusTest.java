package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.LiveBackend.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API's live counts, its unknown resources and wrong methods. */
class AdminApiStatusTest {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();

    @Test
    void statusFiguresFollowWhatClientsDo() throws Exception {
        JsonNode start = b.status();
        assertEquals("dev", start.get("stage").asText());
        assertEquals(0, start.get("websocketConnections").asInt());
        assertEquals(0, start.get("heldPolls").asInt());
        assertEquals(0, start.get("messagesPublished").asLong());
        assertEquals(0, start.get("dbConnections").asInt());
        assertEquals(100, start.get("dbMaxConnections").asInt());

        ChatClient one = b.connect();
        b.connect();
        b.awaitStatus("websocketConnections", 2);

        CompletableFuture<HttpResponse<String>> poll = b.pollAsync("?cursor=0&wait=20");
        b.awaitStatus("heldPolls", 1);

        b.publish("counted");
        assertEquals(200, poll.get(10, TimeUnit.SECONDS).statusCode());
        JsonNode after = b.status();
        assertEquals(1, after.get("messagesPublished").asLong());
        assertEquals(1, after.get("snsPublishes").asLong());
        assertEquals(0, after.get("heldPolls").asInt());

        assertEquals(200, b.invoke("?mode=pooled").statusCode());
        b.awaitStatus("dbConnections", 1); // the warm container keeps its pool's one connection
        JsonNode pooled = b.status().get("functions").get("pooled");
        assertEquals(1, pooled.get("coldStarts").asLong());
        assertEquals(1, pooled.get("invocations").asLong());
        assertEquals(1, pooled.get("warm").asInt());

        one.closeBlocking();
        b.awaitStatus("websocketConnections", 1);
        assertTrue(b.status().get("edges").get("websocket").get("accepted").asLong() >= 2);
    }

    @Test
    void theConnectionsResourceListsTheGatewaysConnections() throws Exception {
        b.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> json(b.admin("GET", "connections", null)).size() == 1);
        HttpResponse<String> r = b.admin("GET", "connections", null);
        assertEquals(200, r.statusCode());
        JsonNode c = json(r).get(0);
        assertFalse(c.get("connectionId").asText().isEmpty(), r.body());
        assertTrue(Instant.parse(c.get("connectedAt").asText()).isBefore(Instant.now().plusSeconds(1)), r.body());
        assertFalse(c.get("lastActiveAt").asText().isEmpty(), r.body());
        assertEquals("127.0.0.1", c.get("identity").get("sourceIp").asText(), r.body());
    }

    @Test
    void anUnknownResourceGetsApiGatewaysNotFound() throws Exception {
        HttpResponse<String> r = b.admin("GET", "nothing-here", null);
        assertEquals(404, r.statusCode());
        assertEquals("Not Found", json(r).get("message").asText(), r.body());
        assertEquals(404, b.admin("GET", "", null).statusCode());
        assertEquals(200, b.admin("GET", "status", null).statusCode(), "still serving");
    }

    @Test
    void aWrongMethodGets405WithAllow() throws Exception {
        assertWrongMethod("POST", "status", "GET");
        assertWrongMethod("DELETE", "connections", "GET");
        assertWrongMethod("GET", "drop", "POST");
        assertWrongMethod("GET", "database/stop", "POST");
        assertWrongMethod("DELETE", "network", "PUT");
        assertEquals(0, b.status().get("network").get("rttMs").asInt(), "nothing changed; still serving");
    }

    private void assertWrongMethod(String method, String resource, String allowed) throws Exception {
        HttpResponse<String> r = b.admin(method, resource, method.equals("GET") ? null : "{}");
        assertEquals(405, r.statusCode(), method + " " + resource);
        assertEquals(allowed, r.headers().firstValue("Allow").orElse(null));
        assertTrue(json(r).get("message").asText().contains(allowed), r.body());
    }
}
