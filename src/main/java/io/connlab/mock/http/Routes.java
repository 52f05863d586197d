package io.connlab.mock.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The server's mounts; a request goes to the longest prefix of its path, as JDK HttpServer contexts did. */
public final class Routes {
    private static final Route NOT_FOUND = new Route("/", ex -> ex.respond(404, "application/json",
            "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8)), 0, false, Route.Access.OPEN);
    private final List<Route> routes = new ArrayList<>();

    public Routes add(Route route) {
        routes.add(route);
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return this;
    }

    Route find(String path) {
        for (Route r : routes) {
            if (path.startsWith(r.prefix())) return r;
        }
        return NOT_FOUND;
    }
}
