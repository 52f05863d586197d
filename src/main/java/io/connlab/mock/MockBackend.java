package io.connlab.mock;

import io.connlab.thread.DaemonThreads;
import io.connlab.mock.db.Database;
import io.connlab.mock.edge.NetworkConditions;
import io.connlab.mock.edge.SocketEdge;
import io.connlab.mock.function.FunctionSettings;
import io.connlab.mock.function.FunctionSimulator;
import io.connlab.mock.gateway.GatewayLimits;
import io.connlab.mock.gateway.WebSocketGateway;
import io.connlab.mock.http.ClassKeys;
import io.connlab.mock.http.HttpApiServer;
import io.connlab.mock.http.HttpLimits;
import io.connlab.mock.http.Route;
import io.connlab.mock.http.Routes;
import io.connlab.mock.poll.MessageStore;
import io.connlab.mock.poll.PollApi;
import io.connlab.mock.poll.RoomLogs;
import io.connlab.mock.sns.SnsApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bundled backend that behaves like AWS: an API Gateway WebSocket API running the chat
 * sample, a long/short poll API, an SNS Query API, Lambda-like functions with a real
 * database, all behind a socket-level edge that applies network conditions. Started by
 * {@code serve} or in-process by the app; every listener binds to loopback unless asked.
 */
public final class MockBackend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MockBackend.class);
    /** A whole class connects at once; the JDK default listen backlog of 50 makes a burst wait on SYN retries. */
    static final int BACKLOG = 2048;
    static final int MESSAGE_WINDOW = 10_000;
    /** How long close() lets the edges pass on the servers' last words; only a stuck client makes it wait that long. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

    /** The most of a request body the server keeps for a handler that reads it (SNS's form, @connections, admin). */
    static final int MAX_KEPT_BODY = 1 << 20;

    private final MockConfig config;
    private final NetworkConditions network;
    private final ScheduledExecutorService timers;
    private final ExecutorService httpExecutor;
    private final RoomLogs rooms;
    private final WebSocketGateway gateway;
    private final PollApi poll;
    private final SnsApi sns;
    private final Database database;
    private final FunctionSimulator functions;
    private final HttpApiServer http;
    private final MockEndpoints endpoints;
    private final AtomicInteger closed = new AtomicInteger();

    private MockBackend(MockConfig config, HttpLimits httpLimits, Deque<AutoCloseable> started) throws IOException {
        this.config = config;
        network = new NetworkConditions(config.rttMillis(), config.jitterMillis());
        timers = Executors.newScheduledThreadPool(1, DaemonThreads.factory("mock-timer"));
        started.push(timers::shutdownNow);
        // Handlers get whole requests and answer quickly (long polls are parked, invocations run on
        // their own pool), off the event loops, which only ever read and write.
        httpExecutor = Executors.newFixedThreadPool(8, DaemonThreads.factory("mock-http"));
        started.push(httpExecutor::shutdownNow);
        rooms = new RoomLogs(MESSAGE_WINDOW);
        // The gateway listens on the public address itself: its socket edge runs in its own I/O path.
        gateway = new WebSocketGateway(new InetSocketAddress(config.host(), config.wsPort()), config.stage(),
                GatewayLimits.apiGateway(), config.timeScale(), network, config.token(), this::publish);
        started.push(gateway);
        poll = new PollApi(rooms, config.timeScale(), timers, httpExecutor, config.apiKind().integrationTimeoutMillis());
        started.push(poll);
        ClassKeys keys = new ClassKeys(config.token(), config.instructorKey());
        sns = new SnsApi(MockConfig.DEFAULT_TOPIC_ARN, keys);
        sns.subscribeWithRoom(MockConfig.DEFAULT_TOPIC_ARN, this::publish);
        database = Database.start(config.dbMaxConnections(), network);
        started.push(database);
        functions = new FunctionSimulator(database,
                FunctionSettings.defaults().withInitDelay(Duration.ofMillis(config.coldStartMillis())), config.timeScale(),
                config.invocationsPerClient());
        started.push(functions);

        String stage = "/" + config.stage();
        // Every route is exact, as API Gateway's are: a mistyped stage or path gets its 404, and SNS
        // answers only at "/", its endpoint (not with an error about a missing Action).
        Routes routes = new Routes()
                .add(new Route(stage + "/poll", poll, 64 * 1024, false, Route.Access.OPEN))
                .add(new Route(stage + "/invoke", functions, FunctionSimulator.MAX_PAYLOAD_BYTES, false, Route.Access.OPEN))
                .add(new Route(stage + "/@connections/{connectionId}", gateway.connectionsApi(), MAX_KEPT_BODY, true,
                        Route.Access.MANAGEMENT))
                .add(new Route("/", sns, MAX_KEPT_BODY, true, Route.Access.AWS_QUERY));
        AdminApi admin = new AdminApi(this);
        for (String resource : AdminApi.RESOURCES) {
            routes.add(new Route("/_connlab/" + resource, admin, 64 * 1024, true, Route.Access.ADMIN));
        }
        http = openHttp(routes, httpLimits, keys);
        started.push(http);

        startGateway();
        endpoints = describe();
    }

    /**
     * The chat and SNS-subscribed "Lambda": push to the room's connections through @connections,
     * store for the room's pollers, as one step per room, so sockets get a room's messages in its
     * log's order. The push only queues frames, so it goes first; the append answers the held polls.
     */
    private void publish(String room, String data) {
        rooms.publish(room, data, text -> gateway.broadcast(room, text));
    }

    private HttpApiServer openHttp(Routes routes, HttpLimits limits, ClassKeys keys) throws IOException {
        try {
            return HttpApiServer.start(new InetSocketAddress(config.host(), config.httpPort()), routes, network, limits,
                    keys, httpExecutor, BACKLOG);
        } catch (BindException e) {
            throw named(e, config.httpPort(), "http");
        }
    }

    private BindException named(BindException e, int port, String name) {
        BindException named = new BindException("cannot listen on " + config.host() + ":" + port + " (" + name
                + "): " + e.getMessage());
        named.initCause(e);
        return named;
    }

    private void startGateway() throws IOException {
        try {
            gateway.start();
        } catch (IOException e) {
            if (!(e.getCause() instanceof BindException bind)) throw e;
            throw named(bind, config.wsPort(), "websocket");
        }
    }

    /**
     * Starts every listener; on failure, whatever started is stopped again.
     *
     * @throws BindException when a public port is in use or the host is not this machine's
     */
    public static MockBackend start(MockConfig config) throws IOException {
        return start(config, HttpLimits.defaults());
    }

    /** As {@link #start(MockConfig)}, with other bounds on slow HTTP clients (tests use short ones). */
    public static MockBackend start(MockConfig config, HttpLimits httpLimits) throws IOException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            return new MockBackend(config, httpLimits, started);
        } catch (IOException | RuntimeException e) {
            while (!started.isEmpty()) quietly(started.pop()::close);
            throw e;
        }
    }

    private MockEndpoints describe() {
        String host = urlHost(config.host());
        String httpBase = "http://" + host + ":" + http.address().getPort();
        String stage = "/" + config.stage();
        return new MockEndpoints(
                "ws://" + host + ":" + gateway.address().getPort() + stage,
                httpBase + stage + "/poll",
                httpBase + "/",
                MockConfig.DEFAULT_TOPIC_ARN,
                "us-east-1",
                httpBase + stage + "/invoke",
                httpBase + stage + "/@connections",
                httpBase + "/_connlab/");
    }

    /** The host a client should dial: a wildcard bind is reached through loopback. */
    private static String urlHost(String bindHost) {
        if (bindHost.equals("0.0.0.0") || bindHost.equals("::")) return "127.0.0.1";
        return bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
    }

    public MockConfig config() {
        return config;
    }

    public MockEndpoints endpoints() {
        return endpoints;
    }

    public NetworkConditions network() {
        return network;
    }

    RoomLogs rooms() {
        return rooms;
    }

    /** The default room's log, where clients that name no room publish and poll. */
    MessageStore store() {
        return rooms.log(null);
    }

    WebSocketGateway gateway() {
        return gateway;
    }

    PollApi poll() {
        return poll;
    }

    SnsApi sns() {
        return sns;
    }

    Database database() {
        return database;
    }

    FunctionSimulator functions() {
        return functions;
    }

    SocketEdge websocketEdge() {
        return gateway.edge();
    }

    HttpApiServer httpServer() {
        return http;
    }

    /**
     * Shuts down cleanly: held polls are answered, WebSocket clients closed with 1001,
     * functions and the database stopped, then the listeners. Idempotent.
     */
    @Override
    public void close() {
        if (closed.getAndIncrement() > 0) return;
        quietly(poll::close);
        quietly(gateway::close);
        quietly(functions::close);
        // The answers and close frames above are still on their way (through the added RTT): let them reach the clients.
        quietly(() -> http.close(DRAIN_GRACE));
        quietly(database::close);
        timers.shutdownNow();
        httpExecutor.shutdownNow();
        quietly(() -> httpExecutor.awaitTermination(2, TimeUnit.SECONDS));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("shutdown step failed: {}", e.toString());
        }
    }

}
