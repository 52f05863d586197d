package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.lane.LaneState;
import io.connlab.lane.LaneThreads;
import io.connlab.lane.PoolLane;
import io.connlab.lane.RunMessage;
import io.connlab.metrics.Clock;
import io.connlab.metrics.EventLog;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run: publishes a stream of numbered messages at the settings' rate and lets every
 * enabled lane receive it through its own technique (pool lanes invoke the function once per
 * message), then drains and settles the figures. Used by {@code bench} and by the window.
 *
 * <p>{@link #start()} blocks until the lanes are connected (call it off the FX thread);
 * everything else returns at once. Publishing runs on a timer thread plus a few publisher
 * threads, so a slow publish does not stretch the schedule.
 */
public final class RunController implements AutoCloseable {
    /** Where a run is. */
    public enum Phase { IDLE, STARTING, RUNNING, DRAINING, FINISHED, STOPPED, FAILED }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    /** The longest a run waits for lanes still reconnecting after publishing ended. */
    private static final Duration MAX_DRAIN = Duration.ofSeconds(30);
    private static final int PUBLISH_THREADS = 4;
    private static final int PUBLISH_BACKLOG = 10_000;

    private final EndpointProfile profile;
    private final String runId;
    private final EventLog events = new EventLog(2_000);
    private final Map<Technique, RunLane> lanes = new EnumMap<>(Technique.class);
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.IDLE);
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicLong publishBytes = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor publishing;
    private volatile RunSettings settings;
    private volatile Publisher publisher;
    private volatile ScheduledFuture<?> ticks;
    private volatile ScheduledFuture<?> end;
    private volatile String failure;
    private volatile Instant startedAt;
    private volatile Instant endedAt;
    private volatile Map<Technique, LaneSnapshot> finalSnapshots;

    public RunController(EndpointProfile profile, RunSettings settings) {
        this.profile = profile;
        this.settings = settings;
        this.runId = "r" + Long.toString(System.currentTimeMillis(), 36);
        for (Technique t : settings.lanes()) {
            String why = Lanes.unsupported(profile, t);
            if (why != null) throw new IllegalArgumentException(t.label() + " cannot run: " + why);
        }
        if (settings.publish() == PublishPath.SNS && !profile.hasSns()) {
            throw new IllegalArgumentException("publishing through SNS needs a topic, and '" + profile.name() + "' has none");
        }
        for (Technique t : Technique.values()) {
            if (settings.lanes().contains(t)) lanes.put(t, Lanes.create(profile, settings, runId, t, events));
        }
        timer = new ScheduledThreadPoolExecutor(1, LaneThreads.daemon("run-timer"));
        timer.setRemoveOnCancelPolicy(true);
        publishing = new ThreadPoolExecutor(PUBLISH_THREADS, PUBLISH_THREADS, 10, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PUBLISH_BACKLOG), LaneThreads.daemon("run-publish"));
    }

    /**
     * Checks the backend can be reached, connects every lane, waits (bounded) until they are
     * ready, then starts publishing. Throws {@link RunException} with a message for the user
     * when the backend cannot be reached; the run is then FAILED and stopped.
     */
    public void start() throws RunException {
        if (!phase.compareAndSet(Phase.IDLE, Phase.STARTING)) throw new IllegalStateException("a run starts once");
        try {
            Reachability.check(profile, settings);
            publisher = settings.publish() == PublishPath.SNS
                    ? new SnsPublisher(profile) : new WebSocketPublisher(profile, runId);
            lanes.values().forEach(l -> l.lane().start());
            awaitReady();
        } catch (RunException e) {
            fail(e.getMessage());
            throw e;
        } catch (Publisher.PublishException e) {
            fail(e.getMessage());
            throw new RunException(e.getMessage(), e);
        } catch (RuntimeException e) {
            fail("The run could not start: " + e);
            throw new RunException("The run could not start: " + e.getMessage(), e);
        }
        startedAt = Instant.now();
        if (!phase.compareAndSet(Phase.STARTING, Phase.RUNNING)) return; // stopped meanwhile
        schedule(settings);
        end = timer.schedule(this::drain, settings.duration().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Message lanes are ready when each client is connected (WebSocket) or has its first poll out. */
    private void awaitReady() throws RunException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new RunException("The lanes did not connect within " + READY_TIMEOUT.toSeconds()
                        + " s: " + notReady() + ". Is the backend at " + profile.websocketUrl() + " reachable?", null);
            }
            if (phase.get() != Phase.STARTING) return;
            try {
                Thread.sleep(25); // the lanes set their states from their own threads
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("interrupted while connecting", e);
            }
        }
    }

    private boolean ready() {
        for (RunLane l : lanes.values()) {
            if (l.technique().isPool()) continue;
            for (int c = 0; c < l.lane().clients(); c++) {
                LaneState s = l.lane().clientState(c);
                boolean ok = l.technique() == Technique.LONG_POLL ? s == LaneState.HOLDING || s == LaneState.OPEN
                        : s == LaneState.OPEN || s == LaneState.HOLDING;
                if (!ok) return false;
            }
        }
        return true;
    }

    private String notReady() {
        List<String> out = new ArrayList<>();
        for (RunLane l : lanes.values()) {
            if (!l.technique().isPool() && l.state() != LaneState.OPEN && l.state() != LaneState.HOLDING) {
                out.add(l.technique().label() + " is " + l.state().name().toLowerCase());
            }
        }
        return out.isEmpty() ? "still connecting" : String.join(", ", out);
    }

    private void schedule(RunSettings s) {
        long periodNanos = Math.max(1, 1_000_000_000L / s.ratePerSecond());
        ScheduledFuture<?> old = ticks;
        ticks = timer.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
        if (old != null) old.cancel(false);
    }

    private void tick() {
        if (phase.get() != Phase.RUNNING) return;
        long n = seq.incrementAndGet();
        for (RunLane l : lanes.values()) {
            if (l.technique().isPool()) ((PoolLane) l.lane()).invoke();
        }
        try {
            publishing.execute(() -> publish(n));
        } catch (RejectedExecutionException backlog) {
            publishFailures.incrementAndGet();
            events.add("publisher", -1, EventLog.Kind.ERROR, "publish backlog full: message " + n + " dropped");
        }
    }

    private void publish(long n) {
        Publisher p = publisher;
        if (p == null) return;
        long sentAt = Clock.nowMicros();
        // Every lane learns of the message before it can arrive anywhere.
        for (RunLane l : lanes.values()) {
            if (!l.technique().isPool()) l.metrics().published(n, sentAt);
        }
        String text = RunMessage.format(runId, n, sentAt, settings.payloadBytes());
        try {
            p.publish(text);
            publishBytes.addAndGet(p.estimatedRequestBytes(text));
            consecutiveFailures.set(0);
        } catch (Publisher.PublishException e) {
            publishFailures.incrementAndGet();
            if (consecutiveFailures.incrementAndGet() == 1) {
                events.add("publisher", -1, EventLog.Kind.ERROR, e.getMessage());
            }
        }
    }

    /** Changes rate (and payload size) during a run; other settings apply to the next run. */
    public void adjust(RunSettings next) {
        RunSettings before = settings;
        settings = before.withRate(next.ratePerSecond()).withPayloadBytes(next.payloadBytes());
        if (phase.get() == Phase.RUNNING && next.ratePerSecond() != before.ratePerSecond()) schedule(settings);
    }

    /**
     * Publishing is over: wait for the last messages to arrive, then settle. The wait is short
     * while every lane is connected, and stretches (bounded) while one is still reconnecting
     * after a drop, or a poll lane is still catching up, so a lane in backoff or with slow
     * answers is not judged to have lost what it will fetch.
     */
    private void drain() {
        if (!phase.compareAndSet(Phase.RUNNING, Phase.DRAINING)) return;
        stopTicks();
        publishing.shutdown();
        try {
            publishing.awaitTermination(30, TimeUnit.SECONDS);
            long start = System.nanoTime();
            long settle = drainTimeout().toNanos();
            while (phase.get() == Phase.DRAINING && !allDelivered()) {
                long waited = System.nanoTime() - start;
                if (waited > MAX_DRAIN.toNanos() || (waited > settle && !recovering() && !pollsCatchingUp())) break;
                Thread.sleep(50); // deliveries land on network threads; this is the timer thread
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish(Phase.DRAINING, Phase.FINISHED);
    }

    private Duration drainTimeout() {
        return settings.shortPollInterval().multipliedBy(2).plusSeconds(2);
    }

    /** True while a message lane is reconnecting or connecting again. */
    private boolean recovering() {
        for (RunLane l : lanes.values()) {
            if (l.technique().isPool()) continue;
            LaneState s = l.state();
            if (s == LaneState.RECONNECTING || s == LaneState.CONNECTING) return true;
        }
        return false;
    }

    /**
     * True while a poll lane still misses messages the server never said were gone (no gap):
     * its cursor guarantees they come with a poll still out, so they are late, not lost.
     * Judging them lost after the short settle wait made a busy machine's bench report losses.
     */
    private boolean pollsCatchingUp() {
        for (RunLane l : lanes.values()) {
            if (l.technique() != Technique.LONG_POLL && l.technique() != Technique.SHORT_POLL) continue;
            LaneSnapshot s = l.metrics().snapshot(seq.get());
            if (s.lost() > 0 && s.gaps() == 0) return true;
        }
        return false;
    }

    private boolean allDelivered() {
        for (RunLane l : lanes.values()) {
            if (l.technique().isPool()) continue;
            LaneSnapshot s = l.metrics().snapshot(seq.get());
            if (s.lost() > 0) return false;
        }
        return true;
    }

    /** Stops a run early (or a finished one's lanes); idempotent, returns once the lanes have stopped. */
    public void stop() {
        Phase p = phase.get();
        if (p == Phase.IDLE && phase.compareAndSet(Phase.IDLE, Phase.STOPPED)) {
            ended.countDown();
            return;
        }
        if (p == Phase.STARTING || p == Phase.RUNNING || p == Phase.DRAINING) finish(p, Phase.STOPPED);
    }

    private void fail(String why) {
        failure = why;
        Phase p = phase.get();
        events.add("run", -1, EventLog.Kind.ERROR, why);
        finish(p, Phase.FAILED);
    }

    private void finish(Phase from, Phase to) {
        if (!phase.compareAndSet(from, to)) return;
        stopTicks();
        ScheduledFuture<?> e = end;
        if (e != null) e.cancel(false);
        publishing.shutdownNow();
        lanes.values().parallelStream().forEach(l -> l.lane().stop());
        Map<Technique, LaneSnapshot> out = new EnumMap<>(Technique.class);
        for (RunLane l : lanes.values()) out.put(l.technique(), l.metrics().finalSnapshot());
        finalSnapshots = Collections.unmodifiableMap(out);
        endedAt = Instant.now();
        Publisher p = publisher;
        if (p != null) p.close();
        timer.shutdown();
        ended.countDown();
    }

    private void stopTicks() {
        ScheduledFuture<?> t = ticks;
        if (t != null) t.cancel(false);
    }

    /** Waits until the run has ended (finished, stopped or failed); true if it did within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
    }

    public Phase phase() {
        return phase.get();
    }

    /** Why the run failed, in the user's words, or null. */
    public String failure() {
        return failure;
    }

    public String runId() {
        return runId;
    }

    public EndpointProfile profile() {
        return profile;
    }

    public RunSettings settings() {
        return settings;
    }

    /** The run's lanes in display order. */
    public List<RunLane> lanes() {
        return List.copyOf(lanes.values());
    }

    public RunLane lane(Technique t) {
        return lanes.get(t);
    }

    public EventLog events() {
        return events;
    }

    public long published() {
        return seq.get();
    }

    public long publishFailures() {
        return publishFailures.get();
    }

    public long publishBytes() {
        return publishBytes.get();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** Each lane's settled figures once the run has ended, else null. */
    public Map<Technique, LaneSnapshot> finalSnapshots() {
        return finalSnapshots;
    }
}
