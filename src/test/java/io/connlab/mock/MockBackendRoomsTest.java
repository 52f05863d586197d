package io.connlab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.gateway.ChatClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.LiveBackend.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room contract (docs: ROOMS): fan-out, logs and cursors per room, on every way in and out. */
class MockBackendRoomsTest {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();

    private String publishTo(String room, String message) {
        return b.sns().publish(p -> p.topicArn(b.endpoints.topicArn()).message(message)
                .messageAttributes(Map.of("room", MessageAttributeValue.builder().dataType("String").stringValue(room).build())))
                .messageId();
    }

    private List<String> logOf(String room) throws Exception {
        HttpResponse<String> r = b.poll("?room=" + room + "&cursor=0");
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonNode m : json(r).get("messages")) out.add(m.get("seq").asLong() + ":" + m.get("data").asText());
        return out;
    }

    @Test
    void aChatMessageReachesItsRoomOnlyWithTheRoomsOwnSequenceNumbers() throws Exception {
        ChatClient alice = b.connect("?room=physics");
        ChatClient bob = b.connect("?room=physics");
        ChatClient carol = b.connect("?room=chemistry");
        ChatClient lobby = b.connect();
        b.awaitStatus("websocketConnections", 4);

        carol.chat("c1");
        alice.chat("p1");

        assertEquals("p1", alice.next(), "the sender gets its own message, as in the chat sample");
        assertEquals("p1", bob.next());
        // p1 was fanned out before these markers: had it reached carol or the lobby, it would come first
        carol.chat("c2");
        b.publish("d1");
        assertEquals("c1", carol.next());
        assertEquals("c2", carol.next(), "nothing from the other room");
        assertEquals("d1", lobby.next(), "nothing reaches the default room");
        assertEquals(List.of("1:p1"), logOf("physics"));
        assertEquals(List.of("1:c1", "2:c2"), logOf("chemistry"));
        assertEquals(List.of("1:d1"), logOf("default"));
    }

    @Test
    void anSnsMessageWithARoomReachesThatRoomsSocketsAndPollersOnly() throws Exception {
        ChatClient inRoom = b.connect("?room=run-0a1b2c3d");
        ChatClient elsewhere = b.connect("?room=run-ffffffff");
        b.awaitStatus("websocketConnections", 2);
        CompletableFuture<HttpResponse<String>> held = b.pollAsync("?room=run-0a1b2c3d&cursor=0&wait=20");
        CompletableFuture<HttpResponse<String>> other = b.pollAsync("?room=run-ffffffff&cursor=0&wait=20");
        b.awaitStatus("heldPolls", 2);

        publishTo("run-0a1b2c3d", "hello");

        assertEquals("hello", inRoom.next());
        JsonNode answer = json(held.get(10, TimeUnit.SECONDS));
        assertEquals("hello", answer.get("messages").get(0).get("data").asText());
        assertEquals(1, answer.get("cursor").asLong());
        assertTrue(!other.isDone(), "the other room's poll is still held");
        publishTo("run-ffffffff", "mark");
        assertEquals("mark", elsewhere.next(), "hello never reached the other room");
        assertEquals("mark", json(other.get(10, TimeUnit.SECONDS)).get("messages").get(0).get("data").asText());
    }

    @Test
    void clientsThatNameNoRoomShareTheDefaultRoomAsTheChatSampleDoes() throws Exception {
        ChatClient plain = b.connect();
        ChatClient named = b.connect("?room=default");
        b.awaitStatus("websocketConnections", 2);

        plain.chat("hi");
        b.publish("via sns");

        assertEquals("hi", named.next());
        assertEquals("via sns", named.next());
        assertEquals("hi", plain.next());
        assertEquals(List.of("1:hi", "2:via sns"), logOf("default"));
        HttpResponse<String> noRoom = b.poll("?cursor=0");
        assertEquals(2, json(noRoom).get("messages").size(), "a poll without room= reads the default room");
    }

    @Test
    void concurrentPublishesReachSocketsInTheLogsOrder() throws Exception {
        ChatClient listener = b.connect("?room=order");
        b.awaitStatus("websocketConnections", 1);
        int threads = 4;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) publishTo("order", thread + "-" + i);
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> socket = new ArrayList<>();
        for (int i = 0; i < threads * each; i++) socket.add(listener.next());
        List<String> log = new ArrayList<>();
        for (String entry : logOf("order")) log.add(entry.substring(entry.indexOf(':') + 1));
        assertEquals(log, socket);
    }

    @Test
    void aWebSocketHandshakeWithABadRoomGets400() throws Exception {
        for (String bad : List.of("", "has%20space", "a".repeat(65), "caf%C3%A9", "semi;colon")) {
            String answer = rawHandshake("?room=" + bad);
            assertTrue(answer.startsWith("HTTP/1.1 400"), bad + ": " + answer);
            assertTrue(answer.contains("{\"message\":\"Invalid room: "), answer);
        }
        assertTrue(rawHandshake("?room=" + "a".repeat(64)).startsWith("HTTP/1.1 101"), "64 characters is a room name");
    }

    @Test
    void aPollWithABadRoomGets400() throws Exception {
        for (String bad : List.of("", "x%2Fy", "b".repeat(65))) {
            HttpResponse<String> r = b.poll("?room=" + bad + "&cursor=0");
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(json(r).get("message").asText().startsWith("Invalid room: "), r.body());
        }
    }

    @Test
    void anSnsPublishWithABadRoomIsAnInvalidParameter() {
        for (String bad : List.of("two words", "c".repeat(65))) {
            SnsException e = assertThrows(SnsException.class, () -> publishTo(bad, "x"));
            assertEquals(400, e.statusCode());
            assertEquals("InvalidParameter", e.awsErrorDetails().errorCode());
            assertTrue(e.awsErrorDetails().errorMessage().startsWith("Invalid parameter: MessageAttributes room"),
                    e.awsErrorDetails().errorMessage());
        }
        SnsException number = assertThrows(SnsException.class, () -> b.sns().publish(p -> p.topicArn(b.endpoints.topicArn())
                .message("x").messageAttributes(Map.of("room", MessageAttributeValue.builder().dataType("Number")
                        .stringValue("7").build()))));
        assertEquals("InvalidParameter", number.awsErrorDetails().errorCode());
    }

    private String rawHandshake(String query) throws IOException {
        URI ws = URI.create(b.endpoints.websocketUrl());
        try (Socket s = new Socket(ws.getHost(), ws.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + ws.getPath() + query + " HTTP/1.1\r\nHost: " + ws.getHost()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] buffer = new byte[4096];
            int n = s.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
        }
    }
}
