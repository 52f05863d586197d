package io.connlab.lane;

import io.connlab.metrics.Clock;
import io.connlab.metrics.LaneState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WebSocket lane against a stub gateway: delivery, heartbeats, drops and reconnects, stop. */
class WebSocketLaneTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    StubGateway gateway;
    WebSocketLane lane;
    final RecordingRecorder rec = new RecordingRecorder();

    @BeforeEach
    void startGateway() throws Exception {
        gateway = StubGateway.launch();
    }

    @AfterEach
    void cleanUp() {
        if (lane != null) lane.stop();
        gateway.shutdown();
    }

    WebSocketLane lane(WebSocketLane.Settings s) {
        lane = new WebSocketLane(gateway.uri(), s.withBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(200))), rec);
        lane.start();
        await().atMost(WAIT).until(() -> lane.state() == LaneState.OPEN);
        return lane;
    }

    @Test
    void everyClientReceivesWhatOneSends() {
        lane(WebSocketLane.Settings.of("r1", 5));
        assertEquals(5, rec.opened.get());
        lane.sendMessage(RunMessage.format("r1", 1, Clock.nowMicros(), 100)).join();
        lane.sendMessage(3, "hello from another chat user").join();
        await().atMost(WAIT).until(() -> rec.delivered.size() == 5 && rec.foreign.get() == 5);
        for (int c = 0; c < 5; c++) assertEquals(java.util.Set.of(1L), rec.seqsOf(c));
        RecordingRecorder.Delivery d = rec.delivered.get(0);
        assertTrue(d.receivedAt() >= d.sentAt());
    }

    @Test
    void heartbeatAnswersAreRecognisedNotForeign() {
        lane(WebSocketLane.Settings.of("r1", 2).withHeartbeat(Duration.ofMillis(50)));
        await().atMost(WAIT).until(() -> lane.heartbeatAnswers() >= 4);
        assertTrue(gateway.heartbeats.get() >= 4);
        assertEquals(0, rec.foreign.get());
    }

    @Test
    void aDropIsFollowedByAReconnectAndMissedMessagesAreCounted() {
        lane(WebSocketLane.Settings.of("r1", 3));
        lane.sendMessage(RunMessage.format("r1", 1, Clock.nowMicros(), 64)).join();
        await().atMost(WAIT).until(() -> rec.delivered.size() == 3);

        lane.dropConnection(2);
        assertTrue(lane.clientState(2) == LaneState.RECONNECTING || lane.clientState(2) == LaneState.OPEN);
        // while client 2 is away (or just back) seqs 2 and 3 go out; client 2 may miss them
        await().atMost(WAIT).until(() -> lane.clientState(2) == LaneState.OPEN && lane.reconnects() == 1);
        assertEquals(1, rec.closed.stream().filter(c -> c.client() == 2 && c.code() == 1006).count());

        gateway.closeAll(1001, "Going away");
        await().atMost(WAIT).until(() -> lane.reconnects() == 4 && lane.state() == LaneState.OPEN);
        assertEquals(3, rec.closed.stream().filter(c -> c.code() == 1001).count());
        assertEquals(4 + 3, rec.opened.get());
    }

    @Test
    void missedWhileAwayComesFromTheSeqJump() {
        lane(WebSocketLane.Settings.of("r1", 2));
        lane.sendMessage(RunMessage.format("r1", 1, Clock.nowMicros(), 64)).join();
        await().atMost(WAIT).until(() -> rec.delivered.size() == 2);
        // gateway-side close of client 1 only, then messages 2..4 sent before it is back
        lane.dropConnection(1);
        lane.sendMessage(0, RunMessage.format("r1", 2, Clock.nowMicros(), 64));
        lane.sendMessage(0, RunMessage.format("r1", 3, Clock.nowMicros(), 64));
        await().atMost(WAIT).until(() -> lane.clientState(1) == LaneState.OPEN);
        await().atMost(WAIT).until(() -> rec.seqsOf(0).contains(3L));
        lane.sendMessage(0, RunMessage.format("r1", 4, Clock.nowMicros(), 64)).join();
        await().atMost(WAIT).until(() -> rec.seqsOf(1).contains(4L));
        long missedByOne = 2 - rec.seqsOf(1).stream().filter(s -> s == 2 || s == 3).count();
        assertEquals(missedByOne, lane.missedWhileAway());
    }

    @Test
    void stopClosesEverythingAndLeavesNoThreads() {
        lane(WebSocketLane.Settings.of("r1", 4));
        lane.stop();
        lane.stop(); // idempotent
        assertEquals(LaneState.STOPPED, lane.state());
        await().atMost(WAIT).until(() -> gateway.getConnections().isEmpty());
        assertEquals(4, rec.closed.size());
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("connlab-websocket")));
        assertTrue(lane.sendMessage("late").isCompletedExceptionally());
    }

    @Test
    void unreachableGatewayIsRetriedWithBackoffUntilStopped() throws Exception {
        int port = gateway.getPort();
        gateway.shutdown();
        lane = new WebSocketLane(java.net.URI.create("ws://127.0.0.1:" + port + "/dev"),
                WebSocketLane.Settings.of("r1", 1).withBackoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(50))), rec);
        lane.start();
        await().atMost(WAIT).until(() -> rec.reconnecting.get() >= 3);
        assertEquals(LaneState.RECONNECTING, lane.state());
        assertTrue(rec.errorsOfKind("connect") + rec.errorsOfKind("io") >= 3, rec.errors::toString);
        lane.stop();
        assertEquals(LaneState.STOPPED, lane.clientState(0));
    }
}
