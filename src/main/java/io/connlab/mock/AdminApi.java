package io.connlab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.edge.SocketEdge;
import io.connlab.mock.http.HttpApiServer;
import io.connlab.mock.http.HttpExchange;
import io.connlab.mock.http.HttpHandler;
import io.connlab.mock.gateway.ConnectionInfo;
import io.connlab.mock.http.HttpIo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mock's own small admin API under {@code /_connlab/}: live counts for the app and for
 * instructors, network conditions at run time, and the fault buttons.
 * <ul>
 *   <li>{@code GET status}: counts of every part</li>
 *   <li>{@code GET connections}: the gateway's WebSocket connections</li>
 *   <li>{@code GET containers}: the function containers (id, mode, state, createdAt, invocations)</li>
 *   <li>{@code PUT network} {@code {"rttMs":40,"jitterMs":10}}</li>
 *   <li>{@code POST drop?listener=websocket|http|all}: forced drop, every connection reset (but the caller's)</li>
 *   <li>{@code POST database/stop?seconds=5}: the database refuses and drops connections for a while</li>
 * </ul>
 * Mounted with {@code Route.Access.ADMIN}: the token, a Host naming this machine, and JSON or a custom
 * header on what changes state (docs/SECURITY.md).
 */
final class AdminApi implements HttpHandler {
    private static final int MAX_BODY = 4096;
    /** Its resources, each a route of its own (below {@code /_connlab/}); any other path is API Gateway's 404. */
    static final List<String> RESOURCES = List.of("status", "connections", "containers", "network", "drop", "database/stop");
    private final MockBackend backend;

    AdminApi(MockBackend backend) {
        this.backend = backend;
    }

    @Override
    public void handle(HttpExchange ex) {
        String path = ex.getRequestURI().getPath().substring("/_connlab/".length());
        String method = ex.getRequestMethod();
        try {
            switch (path) {
                case "status" -> {
                    if (requireMethod(ex, method, "GET")) HttpIo.json(ex, 200, status());
                }
                case "connections" -> {
                    if (requireMethod(ex, method, "GET")) HttpIo.json(ex, 200, connections());
                }
                case "containers" -> {
                    if (requireMethod(ex, method, "GET")) HttpIo.json(ex, 200, backend.functions().containers());
                }
                case "network" -> network(ex, method);
                case "drop" -> {
                    if (requireMethod(ex, method, "POST")) drop(ex);
                }
                case "database/stop" -> {
                    if (requireMethod(ex, method, "POST")) stopDatabase(ex);
                }
                default -> HttpIo.jsonMessage(ex, 404, "Not Found"); // a resource added to RESOURCES only
            }
        } catch (IllegalArgumentException bad) {
            HttpIo.jsonMessage(ex, 400, bad.getMessage());
        }
    }

    private static boolean requireMethod(HttpExchange ex, String method, String allowed) {
        if (method.equals(allowed)) return true;
        ex.getResponseHeaders().set("Allow", allowed);
        HttpIo.jsonMessage(ex, 405, "Method " + method + " not allowed; use " + allowed);
        return false;
    }

    Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("stage", backend.config().stage());
        s.put("timeScale", backend.config().timeScale().factor());
        s.put("websocketConnections", backend.gateway().connectionCount());
        s.put("websocketDroppedForSlowClients", backend.gateway().droppedForSlowClients());
        s.put("heldPolls", backend.poll().heldPolls());
        s.put("messagesPublished", backend.rooms().published());
        s.put("rooms", backend.rooms().rooms());
        s.put("snsPublishes", backend.sns().published());
        Map<String, Object> functions = new LinkedHashMap<>();
        backend.functions().counts().forEach((mode, counts) -> functions.put(mode.wireName(), counts));
        s.put("functions", functions);
        s.put("dbConnections", backend.database().connectionsInUse());
        s.put("dbMaxConnections", backend.database().maxConnections());
        s.put("dbRefused", backend.database().refusedTotal());
        s.put("network", Map.of("rttMs", backend.network().rttMillis(), "jitterMs", backend.network().jitterMillis()));
        Map<String, Object> edges = new LinkedHashMap<>();
        edges.put("websocket", edge(backend.websocketEdge()));
        edges.put("http", http(backend.httpServer()));
        s.put("edges", edges);
        return s;
    }

    /** Each open connection as {@code GET @connections/{id}} describes it, plus its id. */
    List<Map<String, Object>> connections() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConnectionInfo c : backend.gateway().connections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("connectionId", c.id());
            m.put("connectedAt", c.connectedAt().toString());
            m.put("lastActiveAt", c.lastActiveAt().toString());
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("sourceIp", c.sourceIp());
            identity.put("userAgent", c.userAgent());
            m.put("identity", identity);
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> edge(SocketEdge e) {
        return listener(e.openConnections(), e.acceptedTotal(), e.refusedTotal(), e.bytesFromClients(), e.bytesToClients());
    }

    private static Map<String, Object> http(HttpApiServer h) {
        Map<String, Object> m = listener(h.openConnections(), h.acceptedTotal(), h.refusedTotal(), h.bytesFromClients(),
                h.bytesToClients());
        m.put("timedOut", h.timedOutTotal());
        return m;
    }

    private static Map<String, Object> listener(int open, long accepted, long refused, long bytesIn, long bytesOut) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("open", open);
        m.put("accepted", accepted);
        m.put("refused", refused);
        m.put("bytesFromClients", bytesIn);
        m.put("bytesToClients", bytesOut);
        return m;
    }

    private void network(HttpExchange ex, String method) {
        if (method.equals("GET")) {
            HttpIo.json(ex, 200, Map.of("rttMs", backend.network().rttMillis(), "jitterMs", backend.network().jitterMillis()));
            return;
        }
        if (!method.equals("PUT") && !method.equals("POST")) {
            requireMethod(ex, method, "PUT");
            return;
        }
        JsonNode body;
        try {
            body = HttpIo.JSON.readTree(HttpIo.readBody(ex, MAX_BODY));
        } catch (HttpIo.TooLarge e) {
            HttpIo.jsonMessage(ex, 413, "Body over " + MAX_BODY + " bytes");
            return;
        } catch (IOException e) {
            throw new IllegalArgumentException("Body must be JSON like {\"rttMs\": 40, \"jitterMs\": 10}");
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("Body must be JSON like {\"rttMs\": 40, \"jitterMs\": 10}");
        }
        int rtt = intField(body, "rttMs", backend.network().rttMillis());
        int jitter = intField(body, "jitterMs", backend.network().jitterMillis());
        backend.network().set(rtt, jitter);
        HttpIo.json(ex, 200, Map.of("rttMs", rtt, "jitterMs", jitter));
    }

    private static int intField(JsonNode body, String name, int fallback) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return fallback;
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, 0..60000");
        }
        return n.intValue();
    }

    private void drop(HttpExchange ex) {
        String listener = HttpIo.query(ex).getOrDefault("listener", "websocket");
        int dropped = switch (listener) {
            case "websocket" -> backend.websocketEdge().dropAll();
            // every HTTP connection but this request's own, so the caller still hears how many
            case "http" -> backend.httpServer().dropAllExcept(ex.getRemoteAddress());
            case "all" -> backend.websocketEdge().dropAll() + backend.httpServer().dropAllExcept(ex.getRemoteAddress());
            default -> throw new IllegalArgumentException("listener must be websocket, http or all, got '" + listener + "'");
        };
        HttpIo.json(ex, 200, Map.of("listener", listener, "dropped", dropped));
    }

    private void stopDatabase(HttpExchange ex) {
        String raw = HttpIo.query(ex).getOrDefault("seconds", "5");
        double seconds;
        try {
            seconds = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seconds must be a number, got '" + raw + "'");
        }
        if (!(seconds > 0 && seconds <= 300)) throw new IllegalArgumentException("seconds must be in (0, 300]");
        backend.database().stopFor(Duration.ofMillis(Math.round(seconds * 1000)));
        HttpIo.json(ex, 200, Map.of("stoppedForSeconds", seconds));
    }
}
