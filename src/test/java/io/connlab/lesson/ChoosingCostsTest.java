package io.connlab.lesson;

import io.connlab.metrics.CostModel;
import io.connlab.metrics.LaneCost;
import io.connlab.metrics.LiveStack;
import io.connlab.metrics.Prices;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson 6's worked costs come from the app's own cost model: 1,000 clients for 8 hours, one
 * message a minute to each, by WebSocket, by Lambda long polling (20 s waits) and by a
 * 10-second short poll. The lesson's totals, in both languages, are the model's.
 */
class ChoosingCostsTest {
    static final int CLIENTS = 1_000;
    static final int MINUTES = 8 * 60;
    static final long DELIVERIES = (long) CLIENTS * MINUTES; // one message a minute to each client
    static final int BYTES = 256;
    static final LaneCost.Assumptions A = LaneCost.Assumptions.DEFAULT; // 10 ms handlers, 1 ms a post
    /** Lesson 6 prices the smallest function, Lambda's default, and says so: the shipped stack's are larger (lesson 7). */
    static final int LESSON_MEMORY_MB = 128;
    static final CostModel MODEL = new CostModel(Prices.CURRENT);

    /** Pushed: one message and one connection-minute per client per minute; a fan-out run of 1,000 posts a minute; a reconnect every 2 hours. */
    static CostModel.Estimate webSocket() {
        long connects = CLIENTS * (MINUTES / 120L);
        long fanOuts = MINUTES;
        long invocations = fanOuts + 2 * connects; // $connect and $disconnect each run a function
        double ms = fanOuts * CLIENTS * A.postMsPerConnection() + 2 * connects * A.handlerMs();
        return MODEL.estimate(new CostModel.Usage(DELIVERIES, DELIVERIES, BYTES, DELIVERIES, 0, 0,
                invocations, ms, LESSON_MEMORY_MB, MINUTES, BYTES, 0));
    }

    /** Held: three polls a minute per client (two 20 s waits end empty, one brings the message), each holding its function the whole time. */
    static CostModel.Estimate longPoll() {
        long polls = DELIVERIES * 3;
        double heldMs = (double) CLIENTS * MINUTES * 60_000;
        return MODEL.estimate(new CostModel.Usage(DELIVERIES, 0, 0, 0, polls, BYTES,
                polls, heldMs, LESSON_MEMORY_MB, MINUTES, BYTES, 0));
    }

    /** Asked: six polls a minute per client, each a 10 ms function, messages or not. */
    static CostModel.Estimate shortPoll() {
        long polls = DELIVERIES * 6;
        return MODEL.estimate(new CostModel.Usage(DELIVERIES, 0, 0, 0, polls, BYTES,
                polls, polls * A.handlerMs(), LESSON_MEMORY_MB, MINUTES, BYTES, 0));
    }

    static String dollars(double d) {
        return String.format(Locale.ROOT, "$%,.2f", d);
    }

    @Test
    void theModelGivesTheLessonsTotals() {
        assertEquals("$0.60", dollars(webSocket().dollars()));
        assertEquals("$61.73", dollars(longPoll().dollars()));
        assertEquals("$3.52", dollars(shortPoll().dollars()));
        // the long poll's bill is its held time: 8 hours of 1,000 functions at 128 MB
        double duration = longPoll().lines().stream().filter(l -> l.item().equals("Lambda duration"))
                .mapToDouble(CostModel.Line::dollars).sum();
        assertEquals("$60.00", dollars(duration));
    }

    @Test
    void bothLanguagesOfLessonSixShowTheModelsFigures() throws IOException {
        for (String lang : LessonLibrary.LANGUAGES) {
            String text = Files.readString(LessonFilesTest.ROOT.resolve(lang).resolve("06-choosing.md"));
            for (CostModel.Estimate e : new CostModel.Estimate[] {webSocket(), longPoll(), shortPoll()}) {
                assertTrue(text.contains(dollars(e.dollars())), lang + " lesson 6 lacks the model's " + dollars(e.dollars()));
            }
            assertTrue(text.contains("$60.00"), lang + " lesson 6 lacks the long poll's held time, $60.00");
            String atStackSize = dollars(60.00 * LiveStack.SHIPPED.memoryMb(LiveStack.POLL_FUNCTION)
                    / LESSON_MEMORY_MB);
            assertTrue(text.contains(atStackSize), lang + " lesson 6 lacks the held time at the stack's poll memory, " + atStackSize);
            assertTrue(text.contains("1,440,000") && text.contains("2,880,000") && text.contains("480,000"),
                    lang + " lesson 6 lacks the request and message counts");
        }
    }
}
