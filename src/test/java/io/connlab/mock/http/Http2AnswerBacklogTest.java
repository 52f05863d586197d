package io.connlab.mock.http;

import io.connlab.mock.TimeScale;
import io.connlab.mock.poll.MessageStore;
import io.connlab.mock.poll.PollApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 3: one HTTP/2 connection that asks for a thousand large poll answers and never
 * reads them held each one (about 1.5 MB of escaped JSON) in flow control, 1.5 GB in all. Now
 * answers to the same slice share one array, and what one connection can hold is bounded.
 */
class Http2AnswerBacklogTest {
    private static final int MESSAGE_BYTES = 256 * 1024; // SNS's largest message
    private static final int STREAMS = 1000;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger handled = new AtomicInteger();
    private MessageStore store;
    private PollApi polls;
    private TestHttp http;

    @BeforeEach
    void fillThePollWindowWithControlCharacters() throws Exception {
        store = new MessageStore(MessageStore.DEFAULT_WINDOW, 8L << 20); // about 30 of them: each escapes to 1.5 MB
        polls = new PollApi(store, TimeScale.REAL, timers);
        http = TestHttp.serve("/dev/poll", ex -> {
            handled.incrementAndGet();
            polls.handle(ex);
        });
        String controls = "\u0001".repeat(MESSAGE_BYTES);
        for (int i = 0; i < 40; i++) store.append(controls);
        NormalClient.warmUp(http.port(), "/dev/poll?cursor=" + store.head());
        handled.set(0);
    }

    @AfterEach
    void stop() {
        polls.close();
        http.close();
        timers.shutdownNow();
    }

    @Test
    void aThousandShortPollsForAnOldCursorShareOneAnswer() throws Exception {
        try (RawH2 attacker = new RawH2(http.port(), 4096)) { // never reads
            for (int i = 0; i < STREAMS; i++) attacker.request(1 + 2 * i, "GET", "/dev/poll?cursor=0", true);
            attacker.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.get() == STREAMS);
            long oneAnswer = 6L * MESSAGE_BYTES; // each byte a six-byte escape, and a little JSON around it
            await().atMost(Duration.ofSeconds(10)).until(() -> http.server.http2AnswerBytesWaiting() > oneAnswer);
            assertTrue(http.server.http2AnswerBytesWaiting() < oneAnswer + 1024,
                    "one shared answer waits, not a thousand: " + http.server.http2AnswerBytesWaiting());
            assertEquals(0, http.server.refusedTotal(), "and none of them was refused");
            NormalClient.servedWithinASecond(http.port(), "/dev/poll?cursor=" + store.head());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> http.server.http2AnswerBytesWaiting() == 0);
    }

    @Test
    void aThousandShortPollsForDifferentCursorsHoldAtMostTheConnectionsBound() throws Exception {
        try (RawH2 attacker = new RawH2(http.port(), 4096)) {
            for (int i = 0; i < STREAMS; i++) attacker.request(1 + 2 * i, "GET", "/dev/poll?cursor=" + (i % 40), true);
            attacker.flush();
            // every stream either built its answer or was refused (a 503 that says why, or REFUSED_STREAM)
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    handled.get() + http.server.refusedTotal() >= STREAMS || http.server.openConnections() == 0);
            // the server's own high-water mark: a sample taken every 100 ms missed the peak on a busy machine
            long most = http.server.http2AnswerBytesWaitingMost();
            assertTrue(most <= H2c.MAX_ANSWER_BYTES_WAITING, "the connection held " + most + " bytes of answers, past its bound");
            assertTrue(most > H2c.MAX_ANSWER_BYTES_WAITING / 4, "some answers were written: " + most);
            // past the bound the rest are refused unbuilt (streams asking for an answer built already share it)
            assertTrue(http.server.refusedTotal() > 0, "some were refused");
            NormalClient.servedWithinASecond(http.port(), "/dev/poll?cursor=" + store.head());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> http.server.http2AnswerBytesWaiting() == 0);
    }
}
