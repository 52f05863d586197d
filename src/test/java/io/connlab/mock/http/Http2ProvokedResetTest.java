package io.connlab.mock.http;

import io.connlab.app.bench.H2cClient;
import io.connlab.mock.TimeScale;
import io.connlab.mock.poll.MessageStore;
import io.connlab.mock.poll.PollApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 6 ("MadeYouReset"): HEADERS then a zero WINDOW_UPDATE makes the server reset the
 * stream; one connection made it send 196,250 resets in 10 s, each after starting a heavy short
 * poll, and never got the GOAWAY the client's own resets earn. Now the resets a client provokes
 * share its reset budget, and one connection's requests take a bounded share of the workers.
 */
class Http2ProvokedResetTest {
    private static final int ENHANCE_YOUR_CALM = 0xb;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger handled = new AtomicInteger();
    private MessageStore store;
    private PollApi polls;
    private TestHttp http;

    @AfterEach
    void stop() {
        if (polls != null) polls.close();
        if (http != null) http.close();
        timers.shutdownNow();
    }

    /** A poll API whose window holds large messages of control characters: every short poll is heavy. */
    private void serveHeavyPolls() throws Exception {
        store = new MessageStore(MessageStore.DEFAULT_WINDOW, 8L << 20);
        polls = new PollApi(store, TimeScale.REAL, timers);
        http = TestHttp.serve("/dev/poll", ex -> {
            handled.incrementAndGet();
            polls.handle(ex);
        });
        String controls = "\u0001".repeat(256 * 1024);
        for (int i = 0; i < 40; i++) store.append(controls);
        NormalClient.warmUp(http.port(), "/dev/poll?cursor=" + store.head());
        handled.set(0);
    }

    @Test
    void resetsProvokedWithZeroWindowUpdatesEndInGoAway() throws Exception {
        serveHeavyPolls();
        RawH2 attacker = new RawH2(http.port());
        int sent = 0;
        try (attacker) {
            try {
                for (; sent < 20_000; sent++) {
                    int stream = 1 + 2 * sent;
                    attacker.request(stream, "GET", "/dev/poll?cursor=" + (sent % 40), true);
                    attacker.frame(RawH2.WINDOW_UPDATE, 0, stream, new byte[4]); // an increment of 0: a stream error
                    if (sent % 100 == 99) attacker.flush();
                }
                attacker.flush();
            } catch (IOException closedWhileWriting) {
                // the server closed first: the bound
            }
            int resets = 0;
            RawH2.Frame goAway = null;
            for (RawH2.Frame f = attacker.read(); f != null; f = attacker.read()) {
                if (f.type() == RawH2.RST_STREAM) resets++;
                if (f.type() == RawH2.GOAWAY && goAway == null) goAway = f;
            }
            assertNotNull(goAway, "GOAWAY before the close (" + sent + " streams sent, " + resets + " resets)");
            assertEquals(ENHANCE_YOUR_CALM, goAway.errorCode());
            assertTrue(resets <= H2c.MAX_RESETS_PER_WINDOW + 1, resets + " resets before the GOAWAY");
            assertTrue(handled.get() <= H2c.MAX_RESETS_PER_WINDOW + 1,
                    handled.get() + " polls were answered for streams already reset");
        }
        NormalClient.servedWithinASecond(http.port(), "/dev/poll?cursor=" + store.head());
    }

    @Test
    void theResetsAClientSendsAndTheOnesItProvokesShareOneBudget() throws Exception {
        serveHeavyPolls();
        try (RawH2 attacker = new RawH2(http.port())) {
            int half = H2c.MAX_RESETS_PER_WINDOW / 2 + 10;
            try {
                for (int i = 0; i < 2 * half; i++) {
                    int stream = 1 + 2 * i;
                    attacker.request(stream, "GET", "/dev/poll?cursor=" + store.head(), true);
                    if (i < half) attacker.reset(stream);
                    else attacker.frame(RawH2.WINDOW_UPDATE, 0, stream, new byte[4]);
                }
                attacker.flush();
            } catch (IOException closedWhileWriting) {
                // the server closed first: the bound
            }
            RawH2.Frame goAway = attacker.readToEnd();
            assertNotNull(goAway, "neither half alone is past the budget; both together are");
            assertEquals(ENHANCE_YOUR_CALM, goAway.errorCode());
        }
        NormalClient.servedWithinASecond(http.port(), "/dev/poll?cursor=" + store.head());
    }

    @Test
    void oneConnectionsRequestsDoNotQueueAheadOfEveryoneElse() throws Exception {
        AtomicInteger busy = new AtomicInteger();
        http = TestHttp.serveEveryPath(ex -> {
            if (ex.getRequestURI().getPath().equals("/heavy")) {
                busy.incrementAndGet();
                long until = System.nanoTime() + 20_000_000; // 20 ms of work: a heavy short poll's encoding
                while (System.nanoTime() < until) Thread.onSpinWait();
            }
            ex.respond(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        });
        NormalClient.warmUp(http.port(), "/light");
        try (H2cClient attacker = new H2cClient("127.0.0.1", http.port(), 1)) {
            for (int i = 0; i < 500; i++) attacker.get("/heavy"); // 10 s of work, asked for at once
            await().atMost(Duration.ofSeconds(10)).until(() -> busy.get() > 0);
            NormalClient.servedWithinASecond(http.port(), "/light");
            assertTrue(busy.get() < 500, "the normal client did not wait for all of them: " + busy.get());
        }
    }
}
