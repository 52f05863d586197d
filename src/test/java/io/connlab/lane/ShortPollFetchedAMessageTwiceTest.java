package io.connlab.lane;

import io.connlab.metrics.Clock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bug (found by a 1,000-client bench, fixed in e7590a9): the short-poll lane marked a poll
 * finished before it had moved its cursor, so a tick in between asked again from the old cursor
 * and delivered the same messages twice (62 duplicates).
 */
class ShortPollFetchedAMessageTwiceTest extends OnStubPollServer {

    @Test
    void aTickWhileAnAnswerIsBeingReadDoesNotFetchItAgain() throws Exception {
        ShortPollLane sp = new ShortPollLane(server.pollUrl(), ShortPollLane.Settings.of("r1", 1).withInterval(Duration.ofMillis(50)), rec);
        lane = sp;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        rec.onAnswerWithMessages = () -> {
            try {
                release.await(5, java.util.concurrent.TimeUnit.SECONDS); // hold the answer while ticks fire
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        sp.start();
        await().atMost(WAIT).until(() -> sp.emptyAnswers() >= 2);
        server.publish(RunMessage.format("r1", 1, Clock.nowMicros(), 64));
        long skippedBefore = sp.skippedTicks();
        await().atMost(WAIT).until(() -> sp.skippedTicks() >= skippedBefore + 3); // ticks came while it was held
        release.countDown();
        await().atMost(WAIT).until(() -> sp.emptyAnswers() >= 4); // polling on from the new cursor
        assertEquals(1, rec.delivered.size(), rec.delivered::toString);
    }
}
