package io.connlab.mock.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's routes. A request goes to the route whose path is exactly its own, segment by
 * segment; anything else gets API Gateway's 404 (a prefix match sent {@code /dev/pollution} to
 * the poll handler).
 */
public final class Routes {
    private static final Route NOT_FOUND = new Route("/", ex -> ex.respond(404, "application/json",
            "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8)), 0, false, Route.Access.OPEN);
    private final List<Route> routes = new ArrayList<>();

    public Routes add(Route route) {
        routes.add(route);
        return this;
    }

    /** The route for a raw request path, or API Gateway's 404 {@code {"message":"Not Found"}}. */
    Route find(String rawPath) {
        for (Route r : routes) {
            if (r.matches(rawPath)) return r;
        }
        return NOT_FOUND;
    }
}
