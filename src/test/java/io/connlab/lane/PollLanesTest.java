package io.connlab.lane;

import io.connlab.metrics.Clock;
import io.connlab.metrics.LaneState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long and short poll lanes against a stub poll API that can be told to fail. */
class PollLanesTest extends OnStubPollServer {
    static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));

    @Test
    void longPollStartsFromNowThenFollowsItsCursor() {
        server.publish("before the lane started");
        LongPollLane lp = new LongPollLane(server.pollUrl(), LongPollLane.Settings.of("r1", 3).withWait(Duration.ofSeconds(5)), rec);
        lane = lp;
        lp.start();
        await().atMost(WAIT).until(() -> server.heldCount() == 3);
        assertEquals(LaneState.HOLDING, lp.state());
        for (int i = 1; i <= 3; i++) server.publish(RunMessage.format("r1", i, Clock.nowMicros(), 64));
        server.publish("someone else's text");
        await().atMost(WAIT).until(() -> rec.delivered.size() == 9 && rec.foreign.get() == 3);
        for (int c = 0; c < 3; c++) {
            assertEquals(Set.of(1L, 2L, 3L), rec.seqsOf(c));
            assertEquals(5, lp.cursor(c));
        }
        // a client learns where "now" is with an immediate poll, then holds with its cursor
        assertTrue(server.queries.get(0).equals("wait=0"), server.queries.get(0));
        assertTrue(server.queries.stream().anyMatch(q -> q.startsWith("cursor=")));
        assertEquals(0, rec.foreign.get() - 3); // the message from before the start was never fetched
    }

    @Test
    void longPollSurvives504sAndResumesFromItsCursor() {
        LongPollLane lp = new LongPollLane(server.pollUrl(),
                LongPollLane.Settings.of("r1", 1).withWait(Duration.ofSeconds(5)).withBackoff(FAST), rec);
        lane = lp;
        lp.start();
        await().atMost(WAIT).until(() -> server.heldCount() == 1);
        server.publish(RunMessage.format("r1", 1, Clock.nowMicros(), 64));
        await().atMost(WAIT).until(() -> rec.delivered.size() == 1 && server.heldCount() == 1);
        server.fail504.set(3);
        server.publish(RunMessage.format("r1", 2, Clock.nowMicros(), 64)); // wakes the held poll
        server.publish(RunMessage.format("r1", 3, Clock.nowMicros(), 64)); // published while it is failing
        await().atMost(WAIT).until(() -> rec.seqsOf(0).equals(Set.of(1L, 2L, 3L)));
        // whether the held poll took seq 2 before the 504s is a race; what matters is that nothing is lost
        assertTrue(rec.errorsOfKind("http-504") <= 3);
        assertEquals(rec.errorsOfKind("http-504"), rec.reconnecting.get());
        assertEquals(3, lp.cursor(0));
    }

    @Test
    void longPollBacksOffWhileTheServerIsDownAndStops() throws Exception {
        String url = server.pollUrl();
        server.close();
        LongPollLane lp = new LongPollLane(url, LongPollLane.Settings.of("r1", 2).withBackoff(FAST), rec);
        lane = lp;
        lp.start();
        await().atMost(WAIT).until(() -> rec.reconnecting.get() >= 6);
        assertEquals(LaneState.RECONNECTING, lp.state());
        assertTrue(rec.errorsOfKind("connect") >= 6, rec.errors::toString);
        lp.stop();
        assertEquals(LaneState.STOPPED, lp.state());
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("connlab-long-poll")));
    }

    @Test
    void stopCancelsHeldPolls() {
        LongPollLane lp = new LongPollLane(server.pollUrl(), LongPollLane.Settings.of("r1", 2).withWait(Duration.ofSeconds(20)), rec);
        lane = lp;
        lp.start();
        await().atMost(WAIT).until(() -> server.heldCount() == 2);
        lp.stop();
        lp.stop();
        assertEquals(LaneState.STOPPED, lp.clientState(1));
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("connlab-long-poll")));
    }

    @Test
    void shortPollCountsEmptyAnswersAndDelivers() {
        ShortPollLane sp = new ShortPollLane(server.pollUrl(), ShortPollLane.Settings.of("r1", 2).withInterval(Duration.ofMillis(50)), rec);
        lane = sp;
        sp.start();
        await().atMost(WAIT).until(() -> sp.emptyAnswers() >= 6);
        assertEquals(LaneState.OPEN, sp.state());
        server.publish(RunMessage.format("r1", 1, Clock.nowMicros(), 64));
        await().atMost(WAIT).until(() -> rec.delivered.size() == 2);
        assertTrue(server.queries.stream().allMatch(q -> q.endsWith("wait=0")));
        assertTrue(sp.requests() >= sp.emptyAnswers() + 2);
        assertTrue(rec.bytesUp.get() > 0 && rec.bytesDown.get() > 0);
        sp.stop();
        long after = sp.requests();
        assertEquals(after, sp.requests());
    }
}
