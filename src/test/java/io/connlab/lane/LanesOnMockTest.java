package io.connlab.lane;

import io.connlab.fixtures.InProcessMock;
import io.connlab.endpoint.AwsAccess;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.Clock;
import io.connlab.metrics.LaneRecorder.Invocation;
import io.connlab.metrics.LaneState;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static java.util.stream.Collectors.toSet;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every lane against the real bundled mock on ephemeral loopback ports, through its network contract only. */
class LanesOnMockTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(300));
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<Lane> lanes = new ArrayList<>();
    MockBackend mock;
    EndpointProfile profile;

    void startMock(MockConfig config) throws Exception {
        mock = MockBackend.start(config);
        profile = InProcessMock.profileOf(mock, config.token());
    }

    <L extends Lane> L started(L lane) {
        lanes.add(lane);
        lane.start();
        return lane;
    }

    @AfterEach
    void cleanUp() {
        lanes.forEach(Lane::stop);
        if (mock != null) mock.close();
    }

    @Test
    void webSocketClientsAllReceiveBroadcastAndSnsText() throws Exception {
        startMock(MockConfig.defaults());
        RecordingRecorder rec = new RecordingRecorder();
        WebSocketLane ws = started(new WebSocketLane(profile, WebSocketLane.Settings.of("run1", 10), rec));
        await().atMost(WAIT).until(() -> ws.state() == LaneState.OPEN);
        ws.sendMessage(RunMessage.format("run1", 1, Clock.nowMicros(), 256)).join();
        try (var sns = AwsAccess.snsClient(profile)) {
            sns.publish(r -> r.topicArn(profile.topicArn()).message(RunMessage.format("run1", 2, Clock.nowMicros(), 256)));
            sns.publish(r -> r.topicArn(profile.topicArn()).message("another class's message"));
        }
        await().atMost(WAIT).until(() -> rec.delivered.size() == 20 && rec.foreign.get() == 10);
        for (int c = 0; c < 10; c++) assertEquals(Set.of(1L, 2L), rec.seqsOf(c));
    }

    @Test
    void forcedDropsAreFollowedByReconnects() throws Exception {
        startMock(MockConfig.defaults());
        RecordingRecorder rec = new RecordingRecorder();
        WebSocketLane ws = started(new WebSocketLane(profile,
                WebSocketLane.Settings.of("run1", 5).withBackoff(FAST).withHeartbeat(Duration.ofMillis(100)), rec));
        await().atMost(WAIT).until(() -> ws.state() == LaneState.OPEN);

        // the admin API's forced drop resets every socket at the edge
        HttpResponse<String> drop = admin.send(HttpRequest.newBuilder(URI.create(profile.adminUrl() + "drop?listener=websocket"))
                .header("X-Requested-With", "test").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, drop.statusCode(), drop.body());
        await().atMost(WAIT).until(() -> ws.reconnects() == 5 && ws.state() == LaneState.OPEN);
        assertEquals(5, rec.closed.size());

        // @connections DELETE: the client sees a normal close and comes back (its id from a heartbeat's answer)
        await().atMost(WAIT).until(() -> ws.connectionId(4) != null);
        String id = ws.connectionId(4);
        HttpResponse<String> deleted = admin.send(HttpRequest.newBuilder(URI.create(profile.connectionsUrl() + "/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8))).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        await().atMost(WAIT).until(() -> ws.reconnects() == 6 && ws.state() == LaneState.OPEN);
        assertEquals(1, rec.closed.stream().filter(c -> c.client() == 4 && c.code() == 1000).count());

        ws.sendMessage(RunMessage.format("run1", 1, Clock.nowMicros(), 64)).join();
        await().atMost(WAIT).until(() -> rec.delivered.size() == 5);
    }

    @Test
    void wrongTokenFailsTheLaneInsteadOfRetryingForever() throws Exception {
        startMock(MockConfig.defaults().withToken("s3cret"));
        RecordingRecorder rec = new RecordingRecorder();
        WebSocketLane bad = started(new WebSocketLane(profile.withToken("wrong"), WebSocketLane.Settings.of("run1", 2), rec));
        await().atMost(WAIT).until(() -> bad.state() == LaneState.FAILED);
        assertEquals(2, rec.errorsOfKind("handshake-401"));
        WebSocketLane good = started(new WebSocketLane(profile, WebSocketLane.Settings.of("run1", 2), new RecordingRecorder()));
        await().atMost(WAIT).until(() -> good.state() == LaneState.OPEN);
    }

    @Test
    void heartbeatsKeepClientsPastTheIdleTimeout() throws Exception {
        startMock(MockConfig.defaults().withTimeScale(600)); // 10 min idle timeout -> 1 s
        RecordingRecorder rec = new RecordingRecorder();
        RecordingRecorder quietRec = new RecordingRecorder();
        WebSocketLane ws = started(new WebSocketLane(profile, WebSocketLane.Settings.of("run1", 2).withTimeScale(600), rec));
        WebSocketLane quiet = started(new WebSocketLane(profile, WebSocketLane.Settings.of("run1", 2)
                .withHeartbeat(Duration.ofMinutes(1)).withBackoff(FAST), quietRec));
        await().atMost(WAIT).until(() -> ws.state() == LaneState.OPEN && quiet.state() == LaneState.OPEN);
        // the quiet lane is closed for idleness twice over (about 2 s); the heartbeating one never
        await().atMost(WAIT).until(() -> quietRec.closed.stream().filter(c -> c.code() == 1001).count() >= 4);
        assertTrue(ws.heartbeatAnswers() >= 4);
        assertEquals(0, ws.reconnects());
        assertTrue(rec.closed.isEmpty(), rec.closed::toString);
        assertEquals(0, rec.foreign.get());
    }

    @Test
    void longPollDeliversWithItsCursorAndLosesNothingAcross504s() throws Exception {
        startMock(MockConfig.defaults().withTimeScale(60)); // an HTTP API's 30 s integration timeout -> 500 ms
        RecordingRecorder rec = new RecordingRecorder();
        LongPollLane lp = started(new LongPollLane(profile,
                LongPollLane.Settings.of("run1", 3).withWait(Duration.ofSeconds(1)).withBackoff(FAST), rec));
        await().atMost(WAIT).until(() -> rec.errorsOfKind("http-504") >= 3); // idle polls are cut off
        try (var sns = AwsAccess.snsClient(profile)) {
            for (int seq = 1; seq <= 10; seq++) {
                int s = seq;
                sns.publish(r -> r.topicArn(profile.topicArn()).message(RunMessage.format("run1", s, Clock.nowMicros(), 128)));
            }
        }
        Set<Long> all = LongStream.rangeClosed(1, 10).boxed().collect(toSet());
        await().atMost(WAIT).until(() -> rec.seqsOf(0).equals(all) && rec.seqsOf(1).equals(all) && rec.seqsOf(2).equals(all));
        assertEquals(10, lp.cursor(0));
        assertTrue(lp.requests() > 3);
        assertEquals(0, lp.gaps());
    }

    @Test
    void shortPollCountsEmptyAnswers() throws Exception {
        startMock(MockConfig.defaults());
        RecordingRecorder rec = new RecordingRecorder();
        ShortPollLane sp = started(new ShortPollLane(profile,
                ShortPollLane.Settings.of("run1", 2).withInterval(Duration.ofMillis(100)), rec));
        await().atMost(WAIT).until(() -> sp.emptyAnswers() >= 6);
        try (var sns = AwsAccess.snsClient(profile)) {
            sns.publish(r -> r.topicArn(profile.topicArn()).message(RunMessage.format("run1", 1, Clock.nowMicros(), 128)));
        }
        await().atMost(WAIT).until(() -> rec.delivered.size() == 2);
        assertEquals(0, sp.errors());
        assertTrue(rec.status(200) >= sp.emptyAnswers() + 2);
    }

    @Test
    void unpooledFailsPastMaxConnectionsWhilePooledDoesNot() throws Exception {
        startMock(MockConfig.defaults().withDbMaxConnections(4));
        RecordingRecorder pooledRec = new RecordingRecorder();
        RecordingRecorder unpooledRec = new RecordingRecorder();
        PoolLane pooled = started(new PoolLane(profile,
                PoolLane.Settings.of(PoolMode.POOLED, 20, 2).withWorkMillis(100), pooledRec));
        // pooled first: its warm containers hold their one connection each
        await().atMost(WAIT).until(() -> pooledRec.invocations.stream().filter(i -> !i.failed()).count() >= 4);
        PoolLane unpooled = started(new PoolLane(profile,
                PoolLane.Settings.of(PoolMode.UNPOOLED, 40, 8).withWorkMillis(300), unpooledRec));
        await().atMost(WAIT).until(() -> unpooledRec.invocations.stream()
                .anyMatch(i -> "db-too-many-clients".equals(i.errorKind())));
        int pooledSoFar = pooledRec.invocations.size();
        await().atMost(WAIT).until(() -> pooledRec.invocations.size() >= pooledSoFar + 10);
        unpooled.stop();
        pooled.stop();

        assertTrue(pooledRec.invocations.stream().noneMatch(Invocation::failed),
                () -> pooledRec.invocations.stream().filter(Invocation::failed).findFirst().toString());
        Set<String> containers = pooledRec.invocations.stream().map(Invocation::container).collect(toSet());
        assertEquals(containers.size(), pooledRec.invocations.stream().filter(Invocation::coldStart).count(),
                "one cold start per container");
        assertTrue(containers.size() <= 2);
        assertTrue(unpooledRec.invocations.stream().allMatch(i -> i.dbMaxConnections() == 4 || i.dbMaxConnections() == -1));
    }

    @Test
    void everyLaneStopsCleanly() throws Exception {
        startMock(MockConfig.defaults());
        RecordingRecorder rec = new RecordingRecorder();
        WebSocketLane ws = started(new WebSocketLane(profile, WebSocketLane.Settings.of("run1", 3), rec));
        LongPollLane lp = started(new LongPollLane(profile, LongPollLane.Settings.of("run1", 3), rec));
        ShortPollLane sp = started(new ShortPollLane(profile, ShortPollLane.Settings.of("run1", 3), rec));
        PoolLane pool = started(new PoolLane(profile, PoolLane.Settings.of(PoolMode.PROXY, 10, 2), rec));
        await().atMost(WAIT).until(() -> ws.state() == LaneState.OPEN && heldPolls() == 3 && !rec.invocations.isEmpty());
        for (Lane l : List.of(ws, lp, sp, pool)) {
            l.stop();
            l.stop();
            assertEquals(LaneState.STOPPED, l.state(), l.name());
        }
        // stop() cancels held polls, closing their sockets; the mock's edge only lets go of them when the
        // held wait ends upstream, so its counts are not the measure here: our threads and WebSockets are
        await().atMost(WAIT).until(() -> wsConnections() == 0);
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("connlab-")));
    }

    private int heldPolls() throws Exception {
        return status().get("heldPolls").asInt();
    }

    private int wsConnections() throws Exception {
        return status().get("websocketConnections").asInt();
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(admin.send(HttpRequest.newBuilder(URI.create(profile.adminUrl() + "status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
