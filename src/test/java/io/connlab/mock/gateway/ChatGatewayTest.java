package io.connlab.mock.gateway;

import io.connlab.mock.http.HttpIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatGatewayTest {
    @RegisterExtension
    final GatewayFixture fixture = new GatewayFixture();

    @Test
    void sendmessageReachesEveryConnectionIncludingTheSender() throws Exception {
        ChatClient alice = ChatClient.connect(fixture.address, "/dev");
        ChatClient bob = ChatClient.connect(fixture.address, "/dev?x=1");
        ChatClient carol = ChatClient.connect(fixture.address, "/dev/");
        bob.connectionId();
        carol.connectionId();

        alice.chat("hello \"class\" ✓");

        assertEquals("hello \"class\" ✓", alice.next());
        assertEquals("hello \"class\" ✓", bob.next());
        assertEquals("hello \"class\" ✓", carol.next());
        // the store hook runs after the broadcast, so a client may read the text first
        await().untilAsserted(() -> assertEquals(List.of("hello \"class\" ✓"), fixture.sent));
        assertEquals(3, fixture.gateway.connectionCount());
    }

    @Test
    void broadcastPushesToEveryOpenConnection() throws Exception {
        ChatClient a = ChatClient.connect(fixture.address, "/dev");
        ChatClient b = ChatClient.connect(fixture.address, "/dev");
        a.connectionId();
        b.connectionId();

        fixture.gateway.broadcast("{\"seq\":1}");

        assertEquals("{\"seq\":1}", a.next());
        assertEquals("{\"seq\":1}", b.next());
        assertTrue(fixture.sent.isEmpty(), "broadcast is not a sendmessage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"action\":\"shout\",\"data\":\"x\"}", "{\"data\":\"x\"}",
            "[\"sendmessage\"]", "{\"action\":7}", "{\"action\":\"sendmessage\",\"data\":\"x\"} trailing", "",
            "{\"action\":\"SendMessage\",\"data\":\"x\"}"})
    void unroutedMessagesAreForbiddenAndTheConnectionStaysUsable(String text) throws Exception {
        ChatClient c = ChatClient.connect(fixture.address, "/dev");

        c.send(text);

        Map<?, ?> answer = HttpIo.JSON.readValue(c.next(), Map.class);
        assertEquals("Forbidden", answer.get("message"));
        assertTrue(((String) answer.get("connectionId")).matches("[A-Za-z0-9_-]{15}="), answer.toString());
        assertTrue(((String) answer.get("requestId")).matches("[A-Za-z0-9_-]{15}="), answer.toString());
        c.chat("after");
        assertEquals("after", c.next());
        assertTrue(fixture.sent.stream().noneMatch(s -> s.equals("x")));
        GatewayTesting.assertStillChats(fixture.address);
    }

    @Test
    void binaryFramesAreForbidden() throws Exception {
        ChatClient c = ChatClient.connect(fixture.address, "/dev");

        c.send(new byte[]{1, 2, 3});

        String answer = c.next();
        assertTrue(answer.startsWith("{\"message\": \"Forbidden\", \"connectionId\":\""), answer);
        assertTrue(c.isOpen());
        GatewayTesting.assertStillChats(fixture.address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"action\":\"sendmessage\"}", "{\"action\":\"sendmessage\",\"data\":42}",
            "{\"action\":\"sendmessage\",\"data\":{\"a\":1}}", "{\"action\":\"sendmessage\",\"data\":null}"})
    void sendmessageWithoutStringDataIsAnInternalServerError(String text) throws Exception {
        ChatClient c = ChatClient.connect(fixture.address, "/dev");

        c.send(text);

        Map<?, ?> answer = HttpIo.JSON.readValue(c.next(), Map.class);
        assertEquals("Internal server error", answer.get("message"));
        assertTrue(fixture.sent.isEmpty());
        assertTrue(c.isOpen());
        GatewayTesting.assertStillChats(fixture.address);
    }

    @Test
    void connectionIdsDifferAndConnectionsAreListed() throws Exception {
        ChatClient a = ChatClient.connect(fixture.address, "/dev");
        ChatClient b = ChatClient.connect(fixture.address, "/dev");
        String idA = a.connectionId();
        String idB = b.connectionId();

        assertNotEquals(idA, idB);
        List<ConnectionInfo> infos = fixture.gateway.connections();
        assertEquals(2, infos.size());
        ConnectionInfo infoA = infos.stream().filter(i -> i.id().equals(idA)).findFirst().orElseThrow();
        assertEquals("127.0.0.1", infoA.sourceIp());
        assertEquals("ConnLab-Test/1.0", infoA.userAgent());
        assertFalse(infoA.lastActiveAt().isBefore(infoA.connectedAt()));

        a.closeBlocking();
        await().until(() -> fixture.gateway.connectionCount() == 1);
    }

    @Test
    void connectionsAreListedInTheOrderTheyOpened() throws Exception {
        List<ChatClient> clients = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ChatClient c = ChatClient.connect(fixture.address, "/dev");
            clients.add(c);
            ids.add(c.connectionId());
        }
        clients.get(2).closeBlocking();
        ids.remove(2);
        await().until(() -> fixture.gateway.connectionCount() == 5);
        clients.add(ChatClient.connect(fixture.address, "/dev"));
        ids.add(clients.get(6).connectionId());

        assertEquals(ids, fixture.gateway.connections().stream().map(ConnectionInfo::id).toList());
        for (ChatClient c : clients) c.close();
    }

    @Test
    void wrongPathIsRefusedWithoutAnEdgeAndOthersStillChat() throws Exception {
        ChatClient wrong = new ChatClient(java.net.URI.create("ws://127.0.0.1:" + fixture.address.getPort() + "/prod"), Map.of());
        assertFalse(wrong.connectBlocking(5, java.util.concurrent.TimeUnit.SECONDS));
        GatewayTesting.assertStillChats(fixture.address);
    }

    @Test
    void closeSaysGoingAwayToEveryClientAndIsIdempotent() throws Exception {
        ChatClient a = ChatClient.connect(fixture.address, "/dev");
        ChatClient b = ChatClient.connect(fixture.address, "/dev");
        a.connectionId();
        b.connectionId();

        fixture.gateway.close();
        fixture.gateway.close();

        a.awaitClose();
        b.awaitClose();
        assertEquals(1001, a.closeCode);
        assertEquals("Going away", a.closeReason);
        assertEquals(1001, b.closeCode);
    }
}
