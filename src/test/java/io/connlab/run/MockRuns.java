package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the run tests share: short settings and the mock's admin buttons (the mock itself: fixtures.InProcessMock). */
final class MockRuns {
    /** Every wait in these tests is bounded by this (a run of a few seconds plus its drain). */
    static final Duration RUN_BOUND = Duration.ofSeconds(30);
    /**
     * One keep-alive client for every admin call, so the calls themselves open as few
     * connections as possible (one, and one more after a drop of the http listener).
     */
    private static final HttpClient ADMIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private MockRuns() {
    }

    /** A short run; the short poll interval also sets the drain's bound (2 intervals + 2 s). */
    static RunSettings settings(int rate, Duration duration, int clients, PublishPath publish,
                                Duration shortPollInterval, Technique first, Technique... more) {
        Set<Technique> lanes = EnumSet.of(first, more);
        return new RunSettings(rate, 128, duration, clients, lanes, publish, shortPollInterval, Duration.ofSeconds(10));
    }

    /** Starts the run, waits (bounded) for its end, and checks it finished rather than stopped or failed. */
    static RunController runToEnd(EndpointProfile profile, RunSettings settings) throws Exception {
        RunController run = new RunController(profile, settings);
        run.start();
        assertTrue(run.awaitEnd(RUN_BOUND), "the run ended within " + RUN_BOUND);
        assertEquals(RunController.Phase.FINISHED, run.phase(), () -> "run ended as " + run.phase() + ": " + run.failure());
        return run;
    }

    /** Starts the run and waits (10 s at most) until lane {@code t} delivered at least {@code n}: a run under way. */
    static RunLane startUntilDelivered(RunController run, Technique t, long n) throws Exception {
        run.start();
        RunLane lane = run.lane(t);
        await().atMost(Duration.ofSeconds(10)).until(() -> lane.snapshot().delivered() >= n);
        return lane;
    }

    static LaneSnapshot last(RunController run, Technique t) {
        LaneSnapshot s = run.finalSnapshots().get(t);
        assertTrue(s != null, "no final snapshot for " + t);
        return s;
    }

    /**
     * POSTs to the mock's admin API ({@code drop?listener=…}). Returns the status, or -1 when the
     * answer was cut off: dropping the http listener also resets the connection that asked.
     */
    static int adminPost(EndpointProfile profile, String pathAndQuery) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(profile.adminUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(5)).header("X-Requested-With", "test") // not a web page's (docs/SECURITY.md)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return ADMIN.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException cutOff) {
            return -1;
        }
    }

    /** The mock's {@code GET status}: counts of every part, the edges' accepted connections among them. */
    static JsonNode adminStatus(EndpointProfile profile) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(profile.adminUrl() + "status"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> resp = ADMIN.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode(), resp.body());
        return new ObjectMapper().readTree(resp.body());
    }

    /**
     * Names of the live threads a run and its lanes start: the run's ("run-…"), the lanes'
     * ("connlab-…") and their JDK HTTP clients' selectors ("HttpClient-N-SelectorManager"). On
     * JDK 17 a selector ends only after its client became unreachable and was collected, so
     * callers waiting for these to go should ask for a GC while they wait.
     */
    static Set<String> runThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("run-") || n.startsWith("connlab-") || n.startsWith("HttpClient-"))
                .collect(Collectors.toSet());
    }

    static String describe(List<LaneSnapshot> lanes) {
        return lanes.stream().map(s -> s.lane() + ": delivered " + s.delivered() + ", lost " + s.lost()
                + ", requests " + s.requests() + ", opened " + s.connectionsOpened() + ", errors " + s.errorsByKind()
                + ", p50 " + s.latency().p50()).collect(Collectors.joining("; "));
    }
}
