package io.connlab.app;

import io.connlab.app.bench.BackendBench;
import io.connlab.app.engine.Backend;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.MockAdminClient;
import io.connlab.mock.MockConfig;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;

/**
 * {@code connlab bench-backend}: how many WebSocket connections and held polls the mock keeps,
 * and how long one publish takes to reach all of them, measured with lean raw-socket clients.
 */
@Command(name = "bench-backend", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Measure the mock backend alone: hold N WebSockets and N polls, publish, time every arrival.",
                "Runs the mock in this process unless --profile names one started with 'connlab serve'."})
final class BenchBackendCommand implements Callable<Integer> {
    private static final int WARM_UP_PUBLISHES = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--websockets", paramLabel = "N", description = "WebSocket connections to hold (default ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int websockets;

    @Option(names = "--polls", paramLabel = "N", description = "Long polls to hold at each publish (default ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int polls;

    @Option(names = "--publishes", paramLabel = "R", description = "Measured publishes, after 3 to warm up (default ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int publishes;

    @Option(names = "--polls-over", paramLabel = "PROTOCOL", defaultValue = "http1",
            description = "http1: a socket per poll (default); h2c: the polls as HTTP/2 streams on a few connections.")
    String pollsOver;

    @Option(names = "--h2c-connections", paramLabel = "N",
            description = "Connections for --polls-over h2c (default: one per 1,000 polls, the mock's stream limit).")
    Integer h2cConnections;

    @Mixin
    ProfileOption profile;

    @Override
    public Integer call() throws Exception {
        if (websockets < 0 || polls < 0 || websockets + polls == 0 || websockets + polls > 20_000) {
            throw new ParameterException(spec.commandLine(), "--websockets and --polls must be 0.. with 1..20000 in all");
        }
        if (publishes < 1 || publishes > 1_000) throw new ParameterException(spec.commandLine(), "--publishes must be 1..1000");
        if (!pollsOver.equals("http1") && !pollsOver.equals("h2c")) {
            throw new ParameterException(spec.commandLine(), "--polls-over must be http1 or h2c, not '" + pollsOver + "'");
        }
        int connections = h2cConnections != null ? h2cConnections : Math.max(1, (polls + 999) / 1000);
        if (connections < 1 || (long) connections * 1000 < polls) {
            throw new ParameterException(spec.commandLine(), "--h2c-connections must be 1.. with 1,000 polls at most on each");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend backend;
        try {
            backend = Backend.open(profile.file, MockConfig.defaults());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("bench-backend: " + e.getMessage());
            return 2;
        }
        try (backend) {
            EndpointProfile target = backend.profile();
            if (target.adminUrl() == null || !target.hasPoll() || !target.hasSns()) {
                err.println("bench-backend: '" + target.name() + "' is not the bundled mock (it needs the admin, poll and SNS endpoints)");
                return 2;
            }
            return measure(target, backend.mock().isPresent(), pollsOver.equals("h2c") ? connections : 0, out, err);
        }
    }

    /** @param h2c connections to hold the polls on as HTTP/2 streams; 0: a socket per poll */
    private int measure(EndpointProfile target, boolean inProcess, int h2c, PrintWriter out, PrintWriter err) throws Exception {
        MockAdminClient admin = new MockAdminClient(target);
        try (BackendBench bench = new BackendBench(target.websocketConnectUri(), URI.create(target.pollUrl()),
                URI.create(target.snsEndpoint()), target.topicArn())) {
            if (h2c > 0) bench.pollOverH2c(h2c);
            err.printf(Locale.ROOT, "bench-backend: opening %d WebSockets (450 a second, under the gateway's limit)...%n", websockets);
            err.flush();
            long heapBefore = inProcess ? HeapInUse.afterGc() : 0;
            bench.openWebSockets(websockets);
            if (!BackendBench.awaitCount(status(admin, "websocketConnections"), websockets, Duration.ofSeconds(30))) {
                err.println("bench-backend: the backend did not report " + websockets + " WebSocket connections");
                return 1;
            }
            if (inProcess && websockets > 0) {
                out.printf(Locale.ROOT, "heap in use per held WebSocket: %.1f KB (in this process, so its raw client socket is counted too)%n",
                        (HeapInUse.afterGc() - heapBefore) / 1024.0 / websockets);
            }
            int heldMax = 0;
            long heapBeforePolls = inProcess ? HeapInUse.afterGc() : 0;
            long heapPerPoll = -1;
            for (int round = 0; round < WARM_UP_PUBLISHES + publishes; round++) {
                bench.holdPolls(polls);
                if (!BackendBench.awaitCount(status(admin, "heldPolls"), polls, Duration.ofSeconds(60))) {
                    err.println("bench-backend: the backend did not report " + polls + " held polls");
                    return 1;
                }
                heldMax = Math.max(heldMax, status(admin, "heldPolls").getAsInt());
                if (inProcess && round == 0 && polls > 0) heapPerPoll = (HeapInUse.afterGc() - heapBeforePolls) / polls;
                boolean measured = round >= WARM_UP_PUBLISHES;
                int arrived = bench.publishAndTime("bench-backend " + round, measured);
                if (arrived < websockets + polls) {
                    err.printf(Locale.ROOT, "bench-backend: publish %d reached %d of %d%n", round, arrived, websockets + polls);
                }
            }
            out.printf(Locale.ROOT, "held at once: %d WebSocket connections and %d long polls%s%n",
                    status(admin, "websocketConnections").getAsInt(), heldMax,
                    h2c > 0 ? " (as HTTP/2 streams on " + h2c + " connections)" : "");
            out.printf(Locale.ROOT, "publish to arrival, %d publishes after %d to warm up:%n", publishes, WARM_UP_PUBLISHES);
            print(out, "WebSocket", bench.websocketMicros());
            print(out, "held poll", bench.pollMicros());
            if (heapPerPoll >= 0) {
                out.printf(Locale.ROOT, "heap in use per held poll: %.1f KB (the in-process mock's, with the bench's own"
                        + " client %s for it)%n", heapPerPoll / 1024.0, h2c > 0 ? "stream" : "socket");
            }
            out.flush();
            return 0;
        }
    }

    private static void print(PrintWriter out, String what, Histogram h) {
        if (h.getTotalCount() == 0) return;
        out.printf(Locale.ROOT, "  %-10s %7d deliveries  p50 %6.1f  p90 %6.1f  p99 %6.1f  max %6.1f ms%n", what,
                h.getTotalCount(), ms(h, 50), ms(h, 90), ms(h, 99), h.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A figure of the mock's status, read over its admin API (-1 when it cannot be read). */
    private static IntSupplier status(MockAdminClient admin, String field) {
        return () -> {
            try {
                return admin.status().path(field).asInt(-1);
            } catch (Exception e) {
                return -1;
            }
        };
    }
}
