package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.http.HttpIo;
import io.connlab.mock.http.HttpLimits;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/**
 * A started {@link MockBackend} and the real clients a test talks to it with, all through its
 * public listeners: java.net.http (HTTP/1.1), the AWS SDK SnsClient and Java-WebSocket clients.
 * Closing it closes every client it made, then the backend.
 */
final class LiveBackend implements AutoCloseable {
    final MockBackend backend;
    final MockEndpoints endpoints;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private SnsClient sns;

    LiveBackend(MockConfig config) throws IOException {
        this(config, HttpLimits.defaults());
    }

    LiveBackend(MockConfig config, HttpLimits limits) throws IOException {
        backend = MockBackend.start(config, limits);
        endpoints = backend.endpoints();
    }

    static LiveBackend start() {
        return start(MockConfig.defaults());
    }

    /** A backend for each test: {@code @AutoClose private final LiveBackend b = LiveBackend.start(config);} */
    static LiveBackend start(MockConfig config) {
        try {
            return new LiveBackend(config);
        } catch (IOException e) {
            throw new UncheckedIOException("the mock did not start", e);
        }
    }

    /** The real AWS SDK client, as a user would point it at the mock. */
    synchronized SnsClient sns() {
        if (sns == null) {
            sns = SnsClient.builder()
                    .endpointOverride(URI.create(endpoints.snsEndpoint()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            clients.add(sns);
        }
        return sns;
    }

    String publish(String message) {
        return sns().publish(b -> b.topicArn(endpoints.topicArn()).message(message)).messageId();
    }

    ChatClient connect() throws InterruptedException {
        return connect("");
    }

    ChatClient connect(String suffix) throws InterruptedException {
        ChatClient c = ChatClient.connect(endpoints.websocketUrl(), suffix);
        synchronized (this) {
            clients.add(c::closeBlocking);
        }
        return c;
    }

    CompletableFuture<HttpResponse<String>> pollAsync(String query) {
        return http.sendAsync(request(endpoints.pollUrl() + query).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request written by hand to the HTTP port, for headers java.net.http will not send (Host); the whole answer. */
    String rawHttp(String request) throws IOException {
        URI u = URI.create(endpoints.adminUrl());
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A poll sent by hand on a raw socket (no client retries, no pooled connection); the caller closes it. */
    Socket rawPoll(String query) throws IOException {
        URI poll = URI.create(endpoints.pollUrl());
        Socket s = new Socket(poll.getHost(), poll.getPort());
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET " + poll.getPath() + query + " HTTP/1.1\r\nHost: " + poll.getHost()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    HttpResponse<String> poll(String query) throws Exception {
        return send(request(endpoints.pollUrl() + query).GET());
    }

    HttpResponse<String> invoke(String query) throws Exception {
        return send(request(endpoints.invokeUrl() + query).POST(HttpRequest.BodyPublishers.noBody()));
    }

    CompletableFuture<HttpResponse<String>> invokeAsync(String query) {
        return http.sendAsync(request(endpoints.invokeUrl() + query).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A call on the admin API, e.g. {@code admin("PUT", "network", "{...}")}; a null body sends none. It
     * carries the header that marks it as no web page's, as the app's admin client does.
     */
    HttpResponse<String> admin(String method, String resource, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(request(endpoints.adminUrl() + resource).header("X-Requested-With", "test").method(method, publisher));
    }

    JsonNode status() throws Exception {
        return json(admin("GET", "status", null));
    }

    /** Waits (10 s at most) until the admin status's whole-number {@code field} reads {@code expected}. */
    void awaitStatus(String field, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> status().get(field).asInt() == expected);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return HttpIo.JSON.readTree(r.body());
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(clients);
            clients.clear();
        }
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        backend.close();
    }
}
