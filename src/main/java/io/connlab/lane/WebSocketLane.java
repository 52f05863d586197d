package io.connlab.lane;

import io.connlab.metrics.LaneState;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneRecorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket: one connection per simulated user, the server pushes every message.
 *
 * <p>Built on the JDK's {@link java.net.http.WebSocket}, not Java-WebSocket's client:
 * Java-WebSocket starts a reader and a writer thread per connection (2,000 threads and
 * their stacks for 1,000 users), while JDK WebSockets share their {@link HttpClient}'s
 * single selector thread and a small callback pool. Here one HttpClient serves up to
 * {@link Settings#clientsPerHttpClient()} users, so 1,000 users cost 4 selector threads
 * plus 2-4 callback threads plus one timer.
 *
 * <p>After a drop (any close the lane did not ask for) a user reconnects with exponential
 * backoff and full jitter; the lane counts reconnects and the messages missed while away
 * (from the jump in {@code seq}). An application-level heartbeat ({@code {"action":"heartbeat"}})
 * keeps each connection under the gateway's idle timeout: API Gateway is not known to answer
 * protocol pings, and it answers a frame no route matches with {@code {"message": "Forbidden", …}},
 * which the lane recognises as the heartbeat's answer rather than foreign text.
 */
public final class WebSocketLane implements Lane {
    static final String HEARTBEAT = "{\"action\":\"heartbeat\"}";

    /**
     * @param clients              simulated users, one connection each
     * @param runId                the run whose messages count as delivered
     * @param heartbeatInterval    how often an otherwise quiet user sends a heartbeat
     * @param backoff              reconnect delays
     * @param connectTimeout       handshake timeout
     * @param connectsPerSecond    opening ramp (API Gateway refuses past 500 new connections a second)
     * @param clientsPerHttpClient users sharing one HttpClient (one selector thread)
     */
    public record Settings(int clients, String runId, Duration heartbeatInterval, Backoff backoff,
                           Duration connectTimeout, int connectsPerSecond, int clientsPerHttpClient) {
        /** Half the gateway's 10-minute idle timeout. */
        public static final Duration DEFAULT_HEARTBEAT = Duration.ofMinutes(5);

        public Settings {
            if (clients < 1) throw new IllegalArgumentException("WebSocket lane: clients must be >= 1, got " + clients);
            if (!RunMessage.isValidRunId(runId)) throw new IllegalArgumentException("WebSocket lane: invalid run id '" + runId + "'");
            if (heartbeatInterval == null || heartbeatInterval.toMillis() < 10) {
                throw new IllegalArgumentException("WebSocket lane: heartbeat interval must be >= 10 ms");
            }
            if (backoff == null) backoff = Backoff.DEFAULT;
            if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
            if (connectsPerSecond < 1) throw new IllegalArgumentException("WebSocket lane: connectsPerSecond must be >= 1");
            if (clientsPerHttpClient < 1) throw new IllegalArgumentException("WebSocket lane: clientsPerHttpClient must be >= 1");
        }

        public static Settings of(String runId, int clients) {
            return new Settings(clients, runId, DEFAULT_HEARTBEAT, Backoff.DEFAULT, Duration.ofSeconds(10), 400, 250);
        }

        /** Heartbeat scaled like the backend's timeouts: a mock running K times faster idles out K times sooner. */
        public Settings withTimeScale(double factor) {
            if (!(factor >= 1)) throw new IllegalArgumentException("time scale must be >= 1, got " + factor);
            return withHeartbeat(Duration.ofMillis(Math.max(10, Math.round(DEFAULT_HEARTBEAT.toMillis() / factor))));
        }

        public Settings withHeartbeat(Duration d) {
            return new Settings(clients, runId, d, backoff, connectTimeout, connectsPerSecond, clientsPerHttpClient);
        }

        public Settings withBackoff(Backoff b) {
            return new Settings(clients, runId, heartbeatInterval, b, connectTimeout, connectsPerSecond, clientsPerHttpClient);
        }

        public Settings withConnectsPerSecond(int n) {
            return new Settings(clients, runId, heartbeatInterval, backoff, connectTimeout, n, clientsPerHttpClient);
        }
    }

    private final URI uri;
    private final Settings settings;
    private final LaneRecorder recorder;
    private final WebSocketUser[] users;
    private final Object lifecycle = new Object();
    private volatile boolean started;
    private volatile boolean stopped;
    private ExecutorService executor;
    private ScheduledThreadPoolExecutor timer;
    private final List<HttpClient> httpClients = new ArrayList<>();

    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong missedWhileAway = new AtomicLong();
    final AtomicLong heartbeatsSent = new AtomicLong();
    final AtomicLong heartbeatAnswers = new AtomicLong();

    public WebSocketLane(EndpointProfile profile, Settings settings, LaneRecorder recorder) {
        this(profile.websocketConnectUri(), settings, recorder);
    }

    /** {@code uri} is the full connect URI, token included when the gateway wants one. */
    public WebSocketLane(URI uri, Settings settings, LaneRecorder recorder) {
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("WebSocket lane: URL must be ws:// or wss://, got " + uri);
        }
        this.uri = uri;
        this.settings = settings;
        this.recorder = recorder;
        this.users = new WebSocketUser[settings.clients()];
    }

    @Override
    public String name() {
        return "WebSocket";
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public int clients() {
        return users.length;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (started || stopped) return;
            started = true;
            recorder.bytesEstimated("frames = payload + WebSocket header (+ mask key when sent); handshakes estimated");
            executor = LaneThreads.io("connlab-websocket");
            timer = LaneThreads.timer("connlab-websocket");
            int perClient = settings.clientsPerHttpClient();
            for (int i = 0; i < users.length; i++) {
                if (i % perClient == 0) {
                    httpClients.add(HttpClient.newBuilder().executor(executor)
                            .connectTimeout(settings.connectTimeout()).build());
                }
                users[i] = new WebSocketUser(this, i, httpClients.get(i / perClient));
            }
            long spacingMicros = 1_000_000L / settings.connectsPerSecond();
            for (int i = 0; i < users.length; i++) {
                WebSocketUser u = users[i];
                if (i == 0) u.connect();
                else timer.schedule(u::connect, spacingMicros * i, TimeUnit.MICROSECONDS);
            }
            long tick = Math.max(5, Math.min(1000, settings.heartbeatInterval().toMillis() / 4));
            timer.scheduleWithFixedDelay(this::heartbeats, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (stopped) return;
            stopped = true;
            if (!started) return;
            timer.shutdownNow();
            List<CompletableFuture<?>> closing = new ArrayList<>();
            for (WebSocketUser u : users) closing.add(u.close());
            try {
                // give close handshakes a moment; whatever is left is aborted below
                CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
            } catch (Exception slowOrFailed) {
                // fall through to abort
            }
            for (WebSocketUser u : users) u.abort();
            for (HttpClient h : httpClients) LaneHttp.shutdown(h);
            httpClients.clear();
            // Each user holds its HttpClient; on JDK 17 (no shutdownNow) a client's selector thread
            // ends only once the client is unreachable, so let go of the users with it.
            Arrays.fill(users, null);
            executor.shutdownNow();
        }
    }

    @Override
    public LaneState state() {
        return Lane.summarize(users.length, this::clientState, stopped, LaneState.OPEN);
    }

    @Override
    public LaneState clientState(int client) {
        if (stopped) return LaneState.STOPPED;
        WebSocketUser u = users[client];
        return u == null ? LaneState.CONNECTING : u.state;
    }

    /** Connections re-opened after a drop. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Run messages that went by while a user was reconnecting (seq jumps seen on its next delivery). */
    public long missedWhileAway() {
        return missedWhileAway.get();
    }

    public long heartbeatsSent() {
        return heartbeatsSent.get();
    }

    /** Gateway answers to heartbeats ({@code {"message":"Forbidden",…}}), recognised and not counted as foreign. */
    public long heartbeatAnswers() {
        return heartbeatAnswers.get();
    }

    /**
     * Publishes {@code data} the chat-sample way, {@code {"action":"sendmessage","data":…}}, from
     * user {@code client}; the gateway sends it to every connection, sender included. Fails at
     * once when that user is not connected.
     */
    public CompletableFuture<Void> sendMessage(int client, String data) {
        WebSocketUser u = started && !stopped ? users[client] : null;
        if (u == null) return CompletableFuture.failedFuture(new IllegalStateException("WebSocket lane is not running"));
        return u.send("{\"action\":\"sendmessage\",\"data\":" + WireText.jsonString(data) + "}");
    }

    /** {@link #sendMessage(int, String)} from user 0. */
    public CompletableFuture<Void> sendMessage(String data) {
        return sendMessage(0, data);
    }

    /**
     * The gateway's connection id of user {@code client} (what {@code @connections/{id}} takes),
     * learned from the gateway's answer to its first heartbeat; null before that or while away.
     */
    public String connectionId(int client) {
        WebSocketUser u = users[client];
        return u == null ? null : u.connectionId;
    }

    /** Drops user {@code client}'s connection without a close handshake, as a network fault would. For lessons and tests. */
    public void dropConnection(int client) {
        WebSocketUser u = users[client];
        if (u != null) u.abortForDrop();
    }

    // --- used by WebSocketUser ---

    URI uri() {
        return uri;
    }

    LaneRecorder recorder() {
        return recorder;
    }

    boolean stopped() {
        return stopped;
    }

    /** Runs {@code task} after {@code delayMillis} on the lane's timer; false when the lane is stopping. */
    boolean schedule(Runnable task, long delayMillis) {
        try {
            timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void heartbeats() {
        long now = System.nanoTime();
        long interval = settings.heartbeatInterval().toNanos();
        for (WebSocketUser u : users) {
            if (stopped || u == null) return;
            if (u.state == LaneState.OPEN && now - u.lastSentNanos >= interval) {
                heartbeatsSent.incrementAndGet();
                u.send(HEARTBEAT);
            }
        }
    }

    /** The {@code connectionId} string in a gateway answer, or null. */
    static String connectionIdIn(String text) {
        int k = text.indexOf("\"connectionId\"");
        if (k < 0) return null;
        int colon = text.indexOf(':', k);
        int open = colon < 0 ? -1 : text.indexOf('"', colon);
        int close = open < 0 ? -1 : text.indexOf('"', open + 1);
        return close < 0 ? null : text.substring(open + 1, close);
    }

    /**
     * True for what API Gateway sends back when a frame matches no route or its integration
     * fails: {@code {"message": "Forbidden", "connectionId": "…", "requestId": "…"}}.
     */
    static boolean isGatewayAnswer(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        if (!text.startsWith("{", i)) return false;
        int m = text.indexOf("\"message\"", i);
        return m >= 0 && m < i + 8 && text.contains("\"connectionId\"") && text.contains("\"requestId\"");
    }
}
