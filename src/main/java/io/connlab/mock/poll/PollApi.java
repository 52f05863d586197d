package io.connlab.mock.poll;

import io.connlab.mock.http.HttpExchange;
import io.connlab.mock.http.HttpHandler;
import io.connlab.mock.TimeScale;
import io.connlab.mock.http.HttpIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The long- and short-poll endpoint, {@code GET /{stage}/poll?room=R&cursor=N&wait=S}: answers at
 * once with the messages of room R (absent: the default room) after the cursor, or holds the request until a message arrives
 * or the wait ends (an empty list), or, for a wait past API Gateway's integration timeout
 * (30 s for an HTTP API, 29 s for a REST API, on the time scale), until that timeout cuts it off with 504.
 *
 * <p>A held request keeps only its exchange: {@link #handle} returns, and the publishing
 * thread (on append) or the timer answers it later; a client that goes away releases it.
 * An append answers every held poll in one pass, building one body per distinct cursor.
 */
public final class PollApi implements HttpHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollApi.class);
    static final int MAX_MESSAGES = 1000;
    /** Past the first message, an answer stops at about this much JSON; the cursor continues. */
    static final int MAX_ANSWER_BYTES = 1 << 20;
    /** An HTTP API's integration timeout, the default (a REST API's is 29 s: see {@code ApiKind}). */
    static final long INTEGRATION_TIMEOUT_MILLIS = 30_000;
    private static final String JSON = "application/json";

    /** Held polls answered per task: enough to amortise the hand-off, few enough to spread a class over every core. */
    static final int ANSWER_BATCH = 128;

    private final RoomLogs rooms;
    private final ScheduledExecutorService timers;
    private final Executor answering;
    private final long integrationTimeoutMillis;
    private final Set<HeldPoll> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger heldCount = new AtomicInteger();
    private final BiConsumer<MessageStore, Message> onAppend = (log, m) -> answerHeld(log);
    private volatile boolean closed;

    /** Answers held polls on the appending thread (tests, small uses). */
    public PollApi(MessageStore store, TimeScale timeScale, ScheduledExecutorService timers) {
        this(store, timeScale, timers, Runnable::run);
    }

    /**
     * @param answering runs the network writes that answer held polls after an append, in batches
     *                  of {@link #ANSWER_BATCH}, so a publish returns at once and a class of
     *                  pollers is answered on every core instead of one after the other
     */
    public PollApi(MessageStore store, TimeScale timeScale, ScheduledExecutorService timers, Executor answering) {
        this(new RoomLogs(store), timeScale, timers, answering, INTEGRATION_TIMEOUT_MILLIS);
    }

    /** @param integrationTimeoutMillis the gateway's integration timeout on the real clock (30 s HTTP API, 29 s REST API) */
    public PollApi(RoomLogs rooms, TimeScale timeScale, ScheduledExecutorService timers, Executor answering,
                   long integrationTimeoutMillis) {
        this.rooms = rooms;
        this.timers = timers;
        this.answering = answering;
        this.integrationTimeoutMillis = timeScale.scaleMillis(integrationTimeoutMillis);
        // Most held polls end by an append, not by their timer: drop cancelled timers at once
        // instead of keeping one per answered poll queued for up to 30 s.
        if (timers instanceof ScheduledThreadPoolExecutor stpe) stpe.setRemoveOnCancelPolicy(true);
        rooms.addListener(onAppend);
    }

    /** Poll requests waiting now. */
    public int heldPolls() {
        return heldCount.get();
    }

    /** The integration timeout on this time scale, in milliseconds. */
    public long integrationTimeoutMillis() {
        return integrationTimeoutMillis;
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET");
                HttpIo.jsonMessage(ex, 405, "Method " + ex.getRequestMethod() + " not allowed: use GET");
                return;
            }
            PollParameters p = PollParameters.parse(HttpIo.query(ex));
            MessageStore log = rooms.log(p.room());
            long cursor = p.cursor() != null ? p.cursor() : log.head();
            Slice now = slice(log, cursor);
            if (now.answersNow() || p.waitMillis() == 0 || closed) {
                send(ex, 200, PollAnswer.body(now));
                return;
            }
            hold(ex, log, cursor, p.waitMillis());
        } catch (PollParameters.Invalid bad) {
            HttpIo.jsonMessage(ex, 400, bad.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("poll failed", e);
            HttpIo.jsonMessage(ex, 500, "Internal server error");
        }
    }

    private void hold(HttpExchange ex, MessageStore log, long cursor, long waitMillis) {
        boolean cutOff = waitMillis > integrationTimeoutMillis;
        HeldPoll poll = new HeldPoll(ex, log, cursor, cutOff);
        held.add(poll);
        heldCount.incrementAndGet();
        // A client that goes away lets go of its slot (and its socket) at once, not when its wait ends.
        if (!ex.whenClientGone(() -> release(poll))) {
            release(poll);
            return;
        }
        // Look again now that the poll is visible to appends: one that came in between
        // the first look and the registration would otherwise be missed.
        Slice again = slice(log, cursor);
        if (again.answersNow() || closed) {
            if (release(poll)) send(ex, 200, PollAnswer.body(again));
            return;
        }
        try {
            poll.timer(timers.schedule(() -> expire(poll), cutOff ? integrationTimeoutMillis : waitMillis,
                    TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException shuttingDown) {
            if (release(poll)) send(ex, 200, PollAnswer.empty(cursor));
        }
    }

    /** Answers every held poll of the room that now has messages; the network writes happen outside the store's lock. */
    private void answerHeld(MessageStore log) {
        if (heldCount.get() == 0) return;
        Map<Long, byte[]> bodies = new HashMap<>();
        List<Answer> batch = new ArrayList<>(ANSWER_BATCH);
        for (HeldPoll poll : held) {
            if (poll.answered() || poll.log != log) continue;
            byte[] body = bodies.computeIfAbsent(poll.cursor, cursor -> bodyIfAny(log, cursor));
            if (body.length == 0) continue; // registered after this append; a later one wakes it
            if (!release(poll)) continue;
            batch.add(new Answer(poll.exchange, body));
            if (batch.size() == ANSWER_BATCH) {
                dispatch(batch);
                batch = new ArrayList<>(ANSWER_BATCH);
            }
        }
        if (!batch.isEmpty()) dispatch(batch);
    }

    /** A claimed poll and the body it gets. */
    private record Answer(HttpExchange exchange, byte[] body) {
    }

    private void dispatch(List<Answer> claimed) {
        Runnable answer = () -> {
            for (Answer a : claimed) send(a.exchange(), 200, a.body());
        };
        try {
            answering.execute(answer);
        } catch (RejectedExecutionException shuttingDown) {
            answer.run();
        }
    }

    private byte[] bodyIfAny(MessageStore log, long cursor) {
        Slice s = slice(log, cursor);
        return s.answersNow() ? PollAnswer.body(s) : new byte[0];
    }

    private void expire(HeldPoll poll) {
        if (!release(poll)) return;
        if (poll.cutOff) {
            HttpIo.jsonMessage(poll.exchange, 504, "Endpoint request timed out");
        } else {
            send(poll.exchange, 200, PollAnswer.empty(poll.cursor));
        }
    }

    /** Claims the poll for the caller to answer; false when someone else already did. */
    private boolean release(HeldPoll poll) {
        if (!poll.claim()) return false;
        held.remove(poll);
        heldCount.decrementAndGet();
        poll.cancelTimer();
        return true;
    }

    private static Slice slice(MessageStore log, long cursor) {
        return log.slice(cursor, MAX_MESSAGES, MAX_ANSWER_BYTES);
    }

    private static void send(HttpExchange ex, int status, byte[] body) {
        try {
            HttpIo.send(ex, status, JSON, body);
        } catch (RuntimeException clientGone) {
            LOG.debug("poll answer not delivered", clientGone);
        }
    }

    /** Answers every held poll now (no messages, cursor unchanged); later polls are answered at once. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        rooms.removeListener(onAppend);
        for (HeldPoll poll : held) {
            if (release(poll)) send(poll.exchange, 200, PollAnswer.empty(poll.cursor));
        }
    }
}
