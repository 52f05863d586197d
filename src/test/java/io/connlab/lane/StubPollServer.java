package io.connlab.lane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small poll API for lane tests that need exact faults: it holds polls until a message or
 * the wait, answers the next {@link #fail504} requests with 504, and remembers each request's query.
 */
final class StubPollServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> messages = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    final List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger fail504 = new AtomicInteger();

    private record Held(HttpExchange ex, long cursor) {
    }

    StubPollServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/dev/poll", this::poll);
        server.setExecutor(handlers);
        server.start();
    }

    String pollUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dev/poll";
    }

    synchronized void publish(String data) {
        messages.add(data);
        for (Held h : held) answer(h.ex, h.cursor);
        held.clear();
    }

    synchronized int heldCount() {
        return held.size();
    }

    private void poll(HttpExchange ex) throws IOException {
        String q = ex.getRequestURI().getRawQuery();
        queries.add(q == null ? "" : q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q != null) for (String kv : q.split("&")) params.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        if (fail504.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(ex, 504, "{\"message\": \"Endpoint request timed out\"}");
            return;
        }
        long cursor = params.containsKey("cursor") ? Long.parseLong(params.get("cursor")) : -1;
        double wait = Double.parseDouble(params.getOrDefault("wait", "0"));
        synchronized (this) {
            if (cursor < 0) cursor = messages.size();
            if (cursor < messages.size() || wait == 0) {
                answer(ex, cursor);
                return;
            }
            Held h = new Held(ex, cursor);
            held.add(h);
            timer.schedule(() -> {
                synchronized (this) {
                    if (held.remove(h)) answer(ex, h.cursor);
                }
            }, Math.round(wait * 1000), TimeUnit.MILLISECONDS);
        }
    }

    private void answer(HttpExchange ex, long cursor) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = (int) cursor; i < messages.size(); i++) out.add(Map.of("seq", i + 1, "data", messages.get(i), "publishedAt", 0));
        try {
            send(ex, 200, JSON.writeValueAsString(Map.of("cursor", messages.size(), "messages", out, "gap", false)));
        } catch (IOException e) {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        handlers.shutdownNow();
    }
}
