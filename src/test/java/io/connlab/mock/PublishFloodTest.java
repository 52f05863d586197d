package io.connlab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.http.HttpIo;
import io.connlab.mock.poll.MessageStore;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8, item 2: SNS Publish could exhaust the heap. The poll window was capped at 10,000
 * messages but not in bytes, and held each message escaped (a 256 KB message of control
 * characters cost about 1.75 MB), so about 2,900 publishes took the default heap.
 */
class PublishFloodTest {
    @Test
    void largestMessagesOfControlCharactersStayWithinTheWindowsByteBound() throws Exception {
        try (LiveBackend b = LiveBackend.start()) {
            flood(b);
        }
    }

    private static void flood(LiveBackend b) throws Exception {
        String message = "\u0001".repeat(262_144); // SNS's largest, every character escaped in JSON
        HttpRequest publish = HttpRequest.newBuilder(URI.create(b.endpoints.snsEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=Publish&TopicArn="
                        + URLEncoder.encode(b.endpoints.topicArn(), StandardCharsets.UTF_8)
                        + "&Message=" + URLEncoder.encode(message, StandardCharsets.UTF_8))).build();
        int publishes = (int) (MessageStore.DEFAULT_MAX_BYTES / 262_144) + 40;
        for (int i = 0; i < publishes; i++) {
            HttpResponse<String> r = b.http.send(publish, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
        MessageStore store = b.backend.store();
        assertEquals(publishes, store.head());
        assertTrue(store.bytesHeld() <= MessageStore.DEFAULT_MAX_BYTES, "held " + store.bytesHeld());
        assertTrue(store.oldest() > 40, "the oldest fell out by bytes, long before 10,000 messages");

        HttpResponse<String> poll = b.http.send(b.request(b.endpoints.pollUrl() + "?cursor=0").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, poll.statusCode());
        JsonNode answer = HttpIo.JSON.readTree(poll.body());
        assertTrue(answer.get("gap").asBoolean(), "cursor 0 is told it lost messages");
        assertEquals(store.oldest(), answer.get("messages").get(0).get("seq").asLong());
        assertEquals(message, answer.get("messages").get(0).get("data").asText());
    }
}
