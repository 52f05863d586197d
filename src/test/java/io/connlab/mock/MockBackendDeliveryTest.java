package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.LiveBackend.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** One message, every way in and out: SNS publish and the chat route, to WebSocket clients and long polls. */
class MockBackendDeliveryTest {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();

    private static JsonNode onlyMessage(CompletableFuture<HttpResponse<String>> poll) throws Exception {
        HttpResponse<String> r = poll.get(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = json(r);
        assertEquals(1, answer.get("messages").size(), r.body());
        assertFalse(answer.get("gap").asBoolean());
        return answer.get("messages").get(0);
    }

    @Test
    void anSdkPublishReachesAWebSocketClientAndAHeldLongPoll() throws Exception {
        ChatClient ws = b.connect();
        CompletableFuture<HttpResponse<String>> poll = b.pollAsync("?cursor=0&wait=20");
        b.awaitStatus("heldPolls", 1);
        String text = "{\"seq\":1,\"sentAt\":1700000000000} & <xml> \u00fc";

        String messageId = b.publish(text);

        assertFalse(messageId.isEmpty());
        assertEquals(text, ws.next());
        JsonNode m = onlyMessage(poll);
        assertEquals(text, m.get("data").asText());
        assertEquals(1, m.get("seq").asLong());
        assertEquals(1, b.status().get("snsPublishes").asLong());
    }

    @Test
    void aChatMessageReachesEveryWebSocketClientAndAPoller() throws Exception {
        ChatClient alice = b.connect();
        ChatClient bob = b.connect();
        b.awaitStatus("websocketConnections", 2);
        CompletableFuture<HttpResponse<String>> poll = b.pollAsync("?cursor=0&wait=20");
        b.awaitStatus("heldPolls", 1);

        alice.chat("x");

        assertEquals("x", alice.next(), "the sender gets its own message, as in the chat sample");
        assertEquals("x", bob.next());
        assertEquals("x", onlyMessage(poll).get("data").asText());
    }

    @Test
    void aPollAfterTheMessagesGetsThemAtOnceAndTheCursorResumes() throws Exception {
        b.publish("one");
        b.publish("two");
        JsonNode first = json(b.poll("?cursor=0&wait=20"));
        assertEquals(2, first.get("cursor").asLong());
        assertEquals("two", first.get("messages").get(1).get("data").asText());
        CompletableFuture<HttpResponse<String>> next = b.pollAsync("?cursor=2&wait=20");
        b.awaitStatus("heldPolls", 1);
        b.publish("three");
        assertEquals("three", onlyMessage(next).get("data").asText());
    }
}
