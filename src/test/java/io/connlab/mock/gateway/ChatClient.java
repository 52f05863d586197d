package io.connlab.mock.gateway;

import io.connlab.mock.http.HttpIo;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real Java-WebSocket client that records what the gateway sends it and how it was closed. */
final class ChatClient extends WebSocketClient {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;
    volatile String closeReason;
    volatile long openedNanos;
    volatile long closedNanos;

    ChatClient(URI uri, Map<String, String> headers) {
        super(uri, headers);
        setConnectionLostTimeout(0);
    }

    static ChatClient connect(InetSocketAddress gateway, String pathAndQuery) throws InterruptedException {
        return connect(gateway, pathAndQuery, Map.of("User-Agent", "ConnLab-Test/1.0"));
    }

    static ChatClient connect(InetSocketAddress gateway, String pathAndQuery, Map<String, String> headers)
            throws InterruptedException {
        ChatClient c = new ChatClient(URI.create("ws://127.0.0.1:" + gateway.getPort() + pathAndQuery), headers);
        assertTrue(c.connectBlocking(5, TimeUnit.SECONDS), "client connects to " + pathAndQuery);
        return c;
    }

    void chat(String data) {
        send("{\"action\":\"sendmessage\",\"data\":" + quote(data) + "}");
    }

    String next() throws InterruptedException {
        String m = messages.poll(5, TimeUnit.SECONDS);
        assertNotNull(m, "a message arrives within 5 s");
        return m;
    }

    /** Sends a non-routable message and reads the connection id from API Gateway's Forbidden answer. */
    String connectionId() throws Exception {
        send("who am i");
        Map<?, ?> answer = HttpIo.JSON.readValue(next(), Map.class);
        assertEquals("Forbidden", answer.get("message"));
        return (String) answer.get("connectionId");
    }

    void awaitClose() throws InterruptedException {
        assertTrue(closed.await(5, TimeUnit.SECONDS), "closed within 5 s");
    }

    static String quote(String s) {
        try {
            return HttpIo.JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        openedNanos = System.nanoTime();
    }

    @Override
    public void onMessage(String message) {
        messages.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closeReason = reason;
        closedNanos = System.nanoTime();
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
    }
}
