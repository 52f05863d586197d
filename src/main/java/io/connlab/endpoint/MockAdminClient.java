package io.connlab.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks to the bundled mock's admin API ({@code /_connlab/}) and to the {@code @connections}
 * management API, over HTTP like any other client: the backend panel, the fault buttons and
 * the pool picture use it. Every call carries the profile's instructor key ({@code serve --instructor-key}),
 * or, in a profile without one, its token (a mock where one key guards everything). Every call does I/O:
 * never call it on the FX thread.
 */
public final class MockAdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final URI admin;
    private final String connections;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    /** One WebSocket connection as the gateway knows it. */
    public record Connection(String id, Instant connectedAt, Instant lastActiveAt, String sourceIp, String userAgent) {
    }

    /** One simulated function container: {@code state} is initializing, busy or idle. */
    public record Container(String id, String mode, String state, long invocations) {
    }

    public MockAdminClient(EndpointProfile profile) {
        if (profile.adminUrl() == null) {
            throw new IllegalArgumentException("'" + profile.name() + "' is not the bundled mock: it has no admin API");
        }
        this.admin = URI.create(profile.adminUrl().endsWith("/") ? profile.adminUrl() : profile.adminUrl() + "/");
        this.connections = profile.connectionsUrl();
        this.token = profile.instructorKey() != null ? profile.instructorKey() : profile.token();
    }

    /** Live counts of every part of the mock. */
    public JsonNode status() throws IOException, InterruptedException {
        return get("status");
    }

    public List<Connection> connections() throws IOException, InterruptedException {
        List<Connection> out = new ArrayList<>();
        for (JsonNode c : get("connections")) {
            JsonNode identity = c.path("identity");
            out.add(new Connection(c.path("connectionId").asText(), instant(c.get("connectedAt")),
                    instant(c.get("lastActiveAt")), identity.path("sourceIp").asText(""),
                    identity.path("userAgent").asText("")));
        }
        return out;
    }

    public List<Container> containers() throws IOException, InterruptedException {
        List<Container> out = new ArrayList<>();
        for (JsonNode c : get("containers")) {
            out.add(new Container(c.path("id").asText(), c.path("mode").asText(), c.path("state").asText(),
                    c.path("invocations").asLong()));
        }
        return out;
    }

    /** Forced drop: every connection of {@code listener} (websocket, http, all) reset; returns how many. */
    public int drop(String listener) throws IOException, InterruptedException {
        return post("drop?listener=" + enc(listener), "").path("dropped").asInt();
    }

    public void network(int rttMillis, int jitterMillis) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(admin.resolve("network"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rttMs\":" + rttMillis + ",\"jitterMs\":" + jitterMillis + "}")));
    }

    public void stopDatabase(Duration pause) throws IOException, InterruptedException {
        post("database/stop?seconds=" + pause.toMillis() / 1000.0, "");
    }

    /** {@code POST @connections/{id}}: the gateway pushes {@code text} to that one connection. */
    public void sendTo(String connectionId, String text) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(connectionUri(connectionId)).POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /** {@code DELETE @connections/{id}}: the gateway closes that connection (the client sees 1000). */
    public void disconnect(String connectionId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(connectionUri(connectionId)).DELETE());
    }

    private URI connectionUri(String id) {
        if (connections == null) throw new IllegalStateException("this backend has no @connections URL");
        return URI.create(connections + "/" + enc(id));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(admin.resolve(path)).GET());
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(admin.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends; a non-2xx answer becomes an IOException carrying the backend's own message. */
    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // the mock refuses an admin change a web page could have sent: this header says it is not one
        request.header("X-Requested-With", "connlab");
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : parse(r.body());
        if (r.statusCode() / 100 != 2) {
            String message = body.path("message").asText(r.body());
            throw new IOException("HTTP " + r.statusCode() + ": " + message);
        }
        return body;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static Instant instant(JsonNode n) {
        if (n == null || n.isNull()) return null;
        try {
            return Instant.parse(n.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
