package io.connlab.mock.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.TimeScale;
import io.connlab.mock.http.HttpIo;
import io.connlab.mock.http.TestHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A poll API on the mock's real HTTP server on an ephemeral loopback port. */
final class PollServer implements AutoCloseable {
    final MessageStore store;
    final PollApi api;
    final TestHttp server;
    final HttpClient client;
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2, daemon("poll-client"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("poll-timer"));

    PollServer(int window, TimeScale scale) throws IOException {
        store = new MessageStore(window);
        api = new PollApi(store, scale, timers);
        server = TestHttp.serve("/dev/poll", api);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    PollServer() throws IOException {
        this(MessageStore.DEFAULT_WINDOW, TimeScale.REAL);
    }

    int port() {
        return server.port();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    CompletableFuture<HttpResponse<String>> pollAsync(String query) {
        HttpRequest req = HttpRequest.newBuilder(uri("/dev/poll" + query)).timeout(Duration.ofSeconds(30)).GET().build();
        return client.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> poll(String query) throws Exception {
        return pollAsync(query).get(30, TimeUnit.SECONDS);
    }

    HttpResponse<String> send(HttpRequest.Builder req) throws Exception {
        return client.send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return HttpIo.JSON.readTree(r.body());
    }

    @Override
    public void close() {
        api.close();
        server.close();
        timers.shutdownNow();
        clientThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
