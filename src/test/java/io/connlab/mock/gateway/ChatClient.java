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

/**
 * The mock tests' WebSocket client: a real Java-WebSocket client that speaks the chat sample's
 * protocol and records what the gateway sends it and how it was closed. Every wait is bounded (10 s).
 */
public final class ChatClient extends WebSocketClient {
    private static final long WAIT_SECONDS = 10;
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
        return connect(URI.create("ws://127.0.0.1:" + gateway.getPort() + pathAndQuery), headers);
    }

    /** Connects to {@code websocketUrl + suffix} (a backend's WebSocket URL) and waits until it is open. */
    public static ChatClient connect(String websocketUrl, String suffix) throws InterruptedException {
        return connect(URI.create(websocketUrl + suffix), Map.of("User-Agent", "ConnLab-Test/1.0"));
    }

    private static ChatClient connect(URI uri, Map<String, String> headers) throws InterruptedException {
        ChatClient c = new ChatClient(uri, headers);
        assertTrue(c.connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS), "client connects to " + uri);
        return c;
    }

    public void chat(String data) {
        send("{\"action\":\"sendmessage\",\"data\":" + quote(data) + "}");
    }

    public String next() throws InterruptedException {
        String m = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(m, "a message arrives within " + WAIT_SECONDS + " s");
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
        assertTrue(closed.await(WAIT_SECONDS, TimeUnit.SECONDS), "closed within " + WAIT_SECONDS + " s");
    }

    /** Waits until the connection is closed and returns its close code. */
    public int awaitCloseCode() throws InterruptedException {
        awaitClose();
        return closeCode;
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
