package io.connlab.mock.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The server's mounts; a request goes to the longest prefix of its path, as JDK HttpServer contexts did. */
public final class Routes {
    private static final HttpHandler NOT_FOUND_ANSWER = ex -> ex.respond(404, "application/json",
            "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    private static final Route NOT_FOUND = notFound("/");
    private final List<Route> routes = new ArrayList<>();

    public Routes add(Route route) {
        routes.add(route);
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return this;
    }

    /** API Gateway's answer for a path with no route under {@code prefix}: 404 {@code {"message":"Not Found"}}. */
    public static Route notFound(String prefix) {
        return new Route(prefix, NOT_FOUND_ANSWER, 0, false, Route.Access.OPEN);
    }

    /** Mounts {@code handler} at exactly {@code path}: anything below it is {@link #notFound}. */
    public static HttpHandler exactly(String path, HttpHandler handler) {
        return ex -> {
            if (path.equals(ex.getRequestURI().getRawPath())) handler.handle(ex);
            else NOT_FOUND_ANSWER.handle(ex);
        };
    }

    Route find(String path) {
        for (Route r : routes) {
            if (path.startsWith(r.prefix())) return r;
        }
        return NOT_FOUND;
    }
}
