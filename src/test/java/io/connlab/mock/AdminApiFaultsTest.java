package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.connlab.mock.LiveBackend.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault buttons: forced drops at the edge and stopping the database for a while. */
class AdminApiFaultsTest {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();

    @Test
    void droppingTheWebSocketListenerClosesClientsAbnormallyAndCountsThem() throws Exception {
        ChatClient one = b.connect();
        ChatClient two = b.connect();
        b.awaitStatus("websocketConnections", 2);

        HttpResponse<String> r = b.admin("POST", "drop?listener=websocket", null);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, json(r).get("dropped").asInt(), r.body());
        assertEquals("websocket", json(r).get("listener").asText());
        assertEquals(1006, one.awaitCloseCode());
        assertEquals(1006, two.awaitCloseCode());
        b.awaitStatus("websocketConnections", 0);
        ChatClient again = b.connect();
        again.chat("back");
        assertEquals("back", again.next());
    }

    @Test
    void droppingTheHttpListenerResetsAHeldPollButAnswersTheCaller() throws Exception {
        Socket poll = b.rawPoll("?cursor=0&wait=20");
        b.awaitStatus("heldPolls", 1);

        // Regression: the drop used to reset the admin request's own connection before it answered.
        HttpResponse<String> r = b.admin("POST", "drop?listener=http", null);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, json(r).get("dropped").asInt(), r.body());
        assertReset(poll);
        assertEquals(200, b.poll("?wait=0").statusCode(), "still serving");
    }

    @Test
    void droppingAllResetsBothListenersButAnswersTheCaller() throws Exception {
        ChatClient ws = b.connect();
        Socket poll = b.rawPoll("?cursor=0&wait=20");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.status().get("heldPolls").asInt() == 1
                && b.status().get("websocketConnections").asInt() == 1);

        HttpResponse<String> r = b.admin("POST", "drop?listener=all", null);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, json(r).get("dropped").asInt(), r.body());
        assertEquals(1006, ws.awaitCloseCode());
        assertReset(poll);
        ChatClient again = b.connect();
        again.chat("back");
        assertEquals("back", again.next());
    }

    /** The raw poll's connection was reset: its read fails or ends without an answer. */
    private static void assertReset(Socket poll) throws IOException {
        try (poll) {
            assertEquals(-1, poll.getInputStream().read(), "no answer on a dropped connection");
        } catch (SocketException reset) {
            // "Connection reset": what a forced drop looks like
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop?listener=database", "drop?listener=", "drop?listener=WEBSOCKET"})
    void anUnknownListenerGets400(String resource) throws Exception {
        ChatClient c = b.connect();
        HttpResponse<String> r = b.admin("POST", resource, null);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(json(r).get("message").asText().contains("websocket, http or all"), r.body());
        c.chat("not dropped");
        assertEquals("not dropped", c.next());
    }

    @Test
    void aStoppedDatabaseRefusesUnpooledInvocationsWith57P03ThenRecovers() throws Exception {
        assertEquals(200, b.invoke("?mode=unpooled").statusCode());

        HttpResponse<String> stop = b.admin("POST", "database/stop?seconds=1", null);

        assertEquals(200, stop.statusCode(), stop.body());
        HttpResponse<String> refused = b.invoke("?mode=unpooled");
        assertEquals(500, refused.statusCode(), refused.body());
        JsonNode failure = json(refused);
        assertEquals("57P03", failure.get("errorCode").asText(), refused.body());
        assertTrue(failure.get("error").asText().contains("not accepting connections"), refused.body());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> b.invoke("?mode=unpooled").statusCode() == 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seconds=abc", "seconds=0", "seconds=-1", "seconds=301", "seconds=NaN", "seconds="})
    void aBadStopDurationGets400AndTheDatabaseKeepsServing(String query) throws Exception {
        HttpResponse<String> r = b.admin("POST", "database/stop?" + query, null);
        assertEquals(400, r.statusCode(), query + " -> " + r.body());
        assertTrue(json(r).get("message").asText().contains("seconds"), r.body());
        assertEquals(200, b.invoke("?mode=unpooled").statusCode(), "the database was not stopped");
    }
}
