package io.connlab.mock;

/**
 * Everything {@code serve} (or the app's in-process backend) can set. Ports 0 mean ephemeral.
 *
 * @param host           address the public listeners bind to (127.0.0.1 unless asked otherwise)
 * @param httpPort       poll API, SNS API, invoke, {@code @connections}, admin
 * @param wsPort         the WebSocket gateway
 * @param stage          API Gateway stage name, the first path segment
 * @param timeScale      divides idle/max-duration/integration timeouts and Lambda lifetimes
 * @param token          the class token: when non-null, {@code $connect} requires {@code ?token=} equal to it
 * @param rttMillis      added round-trip time at the socket edge
 * @param jitterMillis   added jitter (uniform, +/-) at the socket edge
 * @param dbMaxConnections the database's {@code max_connections}
 * @param apiKind        the API Gateway kind the poll and invoke API play (null: {@link ApiKind#HTTP_API}, as the live stack)
 * @param coldStartMillis a simulated function's init phase on a cold start (not divided by the time scale)
 * @param instructorKey  the key the admin API, {@code @connections} and SNS topic administration need; null: the
 *                       {@code token} guards them too (and nothing when there is no token either)
 * @param invocationsPerClient how many function invocations one client address may have running at once (0: no
 *                       cap, as in the window's own mock); past it the client gets a 429, the others run on
 */
public record MockConfig(String host, int httpPort, int wsPort, String stage, TimeScale timeScale,
                         String token, int rttMillis, int jitterMillis, int dbMaxConnections, ApiKind apiKind,
                         int coldStartMillis, String instructorKey, int invocationsPerClient) {

    /** A cold start's init phase unless told otherwise: a small Node.js function's, about 300 ms. */
    public static final int DEFAULT_COLD_START_MILLIS = 300;

    public static final String DEFAULT_STAGE = "dev";
    public static final String DEFAULT_TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:connlab";

    public MockConfig {
        if (host == null || host.isBlank()) host = "127.0.0.1";
        if (stage == null || stage.isBlank()) stage = DEFAULT_STAGE;
        if (timeScale == null) timeScale = TimeScale.REAL;
        if (apiKind == null) apiKind = ApiKind.HTTP_API;
        if (!stage.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new IllegalArgumentException("stage must be letters, digits, '-' or '_', got '" + stage + "'");
        }
        requirePort("http port", httpPort);
        requirePort("ws port", wsPort);
        if (rttMillis < 0 || jitterMillis < 0) throw new IllegalArgumentException("rtt and jitter must be >= 0");
        if (dbMaxConnections < 1) throw new IllegalArgumentException("db max connections must be >= 1");
        if (coldStartMillis < 0 || coldStartMillis > 60_000) {
            throw new IllegalArgumentException("cold start must be 0..60000 ms, got " + coldStartMillis);
        }
        if (instructorKey != null && !instructorKey.matches("[A-Za-z0-9._~-]{8,128}")) {
            throw new IllegalArgumentException("instructor key must be 8..128 letters, digits or . _ ~ - (it travels in"
                    + " URLs and as an AWS access key id)");
        }
        if (invocationsPerClient < 0) throw new IllegalArgumentException("invocations per client must be >= 0");
    }

    /** Without an instructor key or a per-client cap: the token (if any) guards everything, as one key did. */
    public MockConfig(String host, int httpPort, int wsPort, String stage, TimeScale timeScale,
                      String token, int rttMillis, int jitterMillis, int dbMaxConnections, ApiKind apiKind,
                      int coldStartMillis) {
        this(host, httpPort, wsPort, stage, timeScale, token, rttMillis, jitterMillis, dbMaxConnections, apiKind,
                coldStartMillis, null, 0);
    }

    /** Without an API kind and cold start: an HTTP API, as the live stack has, and the default cold start. */
    public MockConfig(String host, int httpPort, int wsPort, String stage, TimeScale timeScale,
                      String token, int rttMillis, int jitterMillis, int dbMaxConnections) {
        this(host, httpPort, wsPort, stage, timeScale, token, rttMillis, jitterMillis, dbMaxConnections, ApiKind.HTTP_API,
                DEFAULT_COLD_START_MILLIS);
    }

    /** Loopback, ephemeral ports, real time, no token, no added latency, 100 DB connections. */
    public static MockConfig defaults() {
        return new MockConfig("127.0.0.1", 0, 0, DEFAULT_STAGE, TimeScale.REAL, null, 0, 0, 100);
    }

    public MockConfig withTimeScale(double factor) {
        return new MockConfig(host, httpPort, wsPort, stage, new TimeScale(factor), token, rttMillis, jitterMillis,
                dbMaxConnections, apiKind, coldStartMillis, instructorKey, invocationsPerClient);
    }

    public MockConfig withToken(String t) {
        return new MockConfig(host, httpPort, wsPort, stage, timeScale, t, rttMillis, jitterMillis,
                dbMaxConnections, apiKind, coldStartMillis, instructorKey, invocationsPerClient);
    }

    public MockConfig withNetwork(int rtt, int jitter) {
        return new MockConfig(host, httpPort, wsPort, stage, timeScale, token, rtt, jitter,
                dbMaxConnections, apiKind, coldStartMillis, instructorKey, invocationsPerClient);
    }

    public MockConfig withDbMaxConnections(int max) {
        return new MockConfig(host, httpPort, wsPort, stage, timeScale, token, rttMillis, jitterMillis,
                max, apiKind, coldStartMillis, instructorKey, invocationsPerClient);
    }

    public MockConfig withApiKind(ApiKind kind) {
        return new MockConfig(host, httpPort, wsPort, stage, timeScale, token, rttMillis, jitterMillis, dbMaxConnections, kind,
                coldStartMillis, instructorKey, invocationsPerClient);
    }

    public MockConfig withColdStartMillis(int millis) {
        return new MockConfig(host, httpPort, wsPort, stage, timeScale, token, rttMillis, jitterMillis, dbMaxConnections, apiKind,
                millis, instructorKey, invocationsPerClient);
    }

    public MockConfig withInstructorKey(String key) {
        return new MockConfig(host, httpPort, wsPort, stage, timeScale, token, rttMillis, jitterMillis, dbMaxConnections, apiKind,
                coldStartMillis, key, invocationsPerClient);
    }

    public MockConfig withInvocationsPerClient(int cap) {
        return new MockConfig(host, httpPort, wsPort, stage, timeScale, token, rttMillis, jitterMillis, dbMaxConnections, apiKind,
                coldStartMillis, instructorKey, cap);
    }

    private static void requirePort(String what, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException(what + " must be 0..65535, got " + port);
    }
}
