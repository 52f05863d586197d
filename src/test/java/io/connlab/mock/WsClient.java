package io.connlab.mock;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real Java-WebSocket client on the backend's WebSocket URL that records what it receives and how it closed. */
final class WsClient extends WebSocketClient {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;

    private WsClient(URI uri) {
        super(uri);
        setConnectionLostTimeout(0);
    }

    /** Connects to {@code websocketUrl + suffix} and waits (bounded) until it is open. */
    static WsClient connect(String websocketUrl, String suffix) throws InterruptedException {
        WsClient c = new WsClient(URI.create(websocketUrl + suffix));
        assertTrue(c.connectBlocking(10, TimeUnit.SECONDS), "client connects to " + websocketUrl + suffix);
        return c;
    }

    void chat(String data) {
        send("{\"action\":\"sendmessage\",\"data\":\"" + data + "\"}");
    }

    String next() throws InterruptedException {
        String m = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(m, "a message arrives within 10 s");
        return m;
    }

    int awaitCloseCode() throws InterruptedException {
        assertTrue(closed.await(10, TimeUnit.SECONDS), "closed within 10 s");
        return closeCode;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        messages.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
    }
}
