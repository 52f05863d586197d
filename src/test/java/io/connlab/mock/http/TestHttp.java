package io.connlab.mock.http;

import io.connlab.mock.edge.NetworkConditions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One or more handlers on a real {@link HttpApiServer} on an ephemeral loopback port, for a handler's own tests. */
public final class TestHttp implements AutoCloseable {
    public final HttpApiServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "test-http");
        t.setDaemon(true);
        return t;
    });

    private TestHttp(Routes routes, HttpLimits limits, NetworkConditions conditions) throws IOException {
        server = HttpApiServer.start(new InetSocketAddress("127.0.0.1", 0), routes, conditions, limits, null, workers, 4096);
    }

    /** {@code handler} at {@code path} (a {@link Route} path), open to all, keeping bodies up to 8 MB. */
    public static TestHttp serve(String path, HttpHandler handler) throws IOException {
        return serve(path, handler, new NetworkConditions(0, 0));
    }

    /** As {@link #serve(String, HttpHandler)}, behind {@code conditions} (the delay handler at the pipeline's head). */
    public static TestHttp serve(String path, HttpHandler handler, NetworkConditions conditions) throws IOException {
        return new TestHttp(new Routes().add(open(path, handler)), HttpLimits.defaults(), conditions);
    }

    /** {@code handler} at every path, for the server's own tests. */
    public static TestHttp serveEveryPath(HttpHandler handler) throws IOException {
        return new TestHttp(new Routes().add(open("/", handler)).add(open("/{path+}", handler)), HttpLimits.defaults(),
                new NetworkConditions(0, 0));
    }

    private static Route open(String path, HttpHandler handler) {
        return new Route(path, handler, 8 << 20, true, Route.Access.OPEN);
    }

    public static TestHttp serve(Routes routes, HttpLimits limits) throws IOException {
        return new TestHttp(routes, limits, new NetworkConditions(0, 0));
    }

    public int port() {
        return server.address().getPort();
    }

    @Override
    public void close() {
        server.close();
        workers.shutdownNow();
    }
}
