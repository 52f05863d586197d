package io.connlab.mock.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.TimeScale;
import io.connlab.mock.db.Database;
import io.connlab.mock.edge.NetworkConditions;
import io.connlab.mock.http.HttpIo;
import io.connlab.mock.http.TestHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A database, a simulator mounted at /dev/invoke on the mock's HTTP server, and an HTTP client; closes them all. */
final class FunctionFixture implements AutoCloseable {
    final Database db;
    final FunctionSimulator simulator;
    final TestHttp server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final String invokeUrl;

    /** Test defaults: 20 ms cold starts, 1 s borrow timeouts. */
    static FunctionSettings quick() {
        return FunctionSettings.defaults().withInitDelay(Duration.ofMillis(20)).withProxy(0.5, Duration.ofSeconds(5));
    }

    FunctionFixture(int maxConnections, FunctionSettings settings, double timeScale) throws IOException {
        this(maxConnections, settings, timeScale, new NetworkConditions(0, 0));
    }

    /** With {@code network} between the functions and the database (the mock's RTT). */
    FunctionFixture(int maxConnections, FunctionSettings settings, double timeScale, NetworkConditions network) throws IOException {
        db = Database.start(maxConnections, network);
        simulator = new FunctionSimulator(db, settings, new TimeScale(timeScale));
        server = TestHttp.serve("/dev/invoke", simulator);
        invokeUrl = "http://127.0.0.1:" + server.port() + "/dev/invoke";
    }

    record Answer(int status, JsonNode json, HttpResponse<String> response) {
    }

    HttpRequest post(String query) {
        return HttpRequest.newBuilder(URI.create(invokeUrl + query)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        return parse(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    Answer invoke(String query) throws IOException, InterruptedException {
        return send(post(query));
    }

    /** Sends {@code n} invocations at once and waits for every answer. */
    List<Answer> invokeConcurrently(String query, int n) {
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) futures.add(client.sendAsync(post(query), HttpResponse.BodyHandlers.ofString()));
        List<Answer> out = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : futures) out.add(parse(f.join()));
        return out;
    }

    private static Answer parse(HttpResponse<String> r) {
        try {
            return new Answer(r.statusCode(), HttpIo.JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        simulator.close();
        db.close();
    }
}
