package io.connlab.lane;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny stand-in for the gateway, for lane tests that need exact control: routes
 * {@code sendmessage} to everyone and answers anything else with API Gateway's Forbidden.
 */
final class StubGateway extends WebSocketServer {
    private final CountDownLatch started = new CountDownLatch(1);
    final AtomicLong heartbeats = new AtomicLong();

    StubGateway() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setDaemon(true);
    }

    static StubGateway launch() throws InterruptedException {
        StubGateway g = new StubGateway();
        g.start();
        if (!g.started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("stub gateway did not start");
        return g;
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/dev");
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        String prefix = "{\"action\":\"sendmessage\",\"data\":";
        if (message.startsWith(prefix)) {
            String quoted = message.substring(prefix.length(), message.length() - 1);
            broadcast(unquote(quoted));
        } else {
            if (message.contains("heartbeat")) heartbeats.incrementAndGet();
            conn.send("{\"message\": \"Forbidden\", \"connectionId\":\"c1\", \"requestId\":\"r1\"}");
        }
    }

    private static String unquote(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, String.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** Closes every connection with {@code code}, as the gateway's idle timeout (1001) would. */
    void closeAll(int code, String reason) {
        for (WebSocket c : getConnections()) c.close(code, reason);
    }

    void shutdown() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
