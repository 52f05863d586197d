package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.EventLog;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run: publishes a stream of numbered messages at the settings' rate and lets every
 * enabled lane receive it through its own technique (pool lanes invoke the function once per
 * message), then drains and settles the figures. Used by {@code bench} and by the window.
 *
 * <p>{@link #start()} blocks until the lanes are connected (call it off the FX thread);
 * everything else returns at once. {@link Readiness} decides when publishing may begin,
 * {@link PublishSchedule} publishes, {@link Draining} waits for the last deliveries.
 */
public final class RunController implements AutoCloseable {
    /** Where a run is. */
    public enum Phase { IDLE, STARTING, RUNNING, DRAINING, FINISHED, STOPPED, FAILED }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final EndpointProfile profile;
    private final String runId;
    private final EventLog events = new EventLog(2_000);
    private final Map<Technique, RunLane> lanes = new EnumMap<>(Technique.class);
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.IDLE);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final PublishSchedule schedule;
    private volatile RunSettings settings;
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
        schedule = new PublishSchedule(lanes.values(), events, runId, () -> this.settings,
                () -> phase.get() == Phase.RUNNING);
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
            schedule.use(settings.publish() == PublishPath.SNS
                    ? new SnsPublisher(profile, settings.room()) : new WebSocketPublisher(profile, settings.room(), runId));
            lanes.values().forEach(l -> l.lane().start());
            Readiness.await(lanes.values(), READY_TIMEOUT, () -> phase.get() == Phase.STARTING, profile.websocketUrl());
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
        schedule.begin(settings);
        end = schedule.timer().schedule(this::drain, settings.duration().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Changes rate (and payload size) during a run; other settings apply to the next run. */
    public void adjust(RunSettings next) {
        RunSettings before = settings;
        settings = before.withRate(next.ratePerSecond()).withPayloadBytes(next.payloadBytes());
        if (phase.get() == Phase.RUNNING && next.ratePerSecond() != before.ratePerSecond()) schedule.start(settings);
    }

    /** Publishes nothing for {@code pause} (a quiet spell, as a lesson's timed fault asks), then goes on; only while running. */
    public void pausePublishing(Duration pause) {
        if (phase.get() == Phase.RUNNING) schedule.pause(pause, settings);
    }

    /** Publishing is over: wait for the last messages to arrive, then settle. On the timer thread. */
    private void drain() {
        if (!phase.compareAndSet(Phase.RUNNING, Phase.DRAINING)) return;
        try {
            schedule.finishPublishing();
            Duration settle = settings.shortPollInterval().multipliedBy(2).plusSeconds(2);
            Draining.await(lanes.values(), schedule.published(), settle, () -> phase.get() == Phase.DRAINING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish(Phase.DRAINING, Phase.FINISHED);
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
        schedule.stop();
        ScheduledFuture<?> e = end;
        if (e != null) e.cancel(false);
        lanes.values().parallelStream().forEach(l -> l.lane().stop());
        Map<Technique, LaneSnapshot> out = new EnumMap<>(Technique.class);
        for (RunLane l : lanes.values()) out.put(l.technique(), l.metrics().finalSnapshot());
        finalSnapshots = Collections.unmodifiableMap(out);
        endedAt = Instant.now();
        schedule.closePublisher();
        schedule.timer().shutdown();
        ended.countDown();
    }

    /**
     * Marks a moment on every lane's strip (a fault, a message sent by hand) and in the event
     * log, so what happened next can be read against it. {@code lane} limits it to one lane (null: all).
     */
    public void mark(String label, Technique lane) {
        long at = io.connlab.metrics.Clock.nowMicros();
        for (RunLane l : lanes.values()) {
            if (lane == null || l.technique() == lane) l.trace().append(io.connlab.metrics.WireEvent.Kind.MARK, at, label);
        }
        events.add("backend", -1, EventLog.Kind.NOTE, label);
    }

    /** Waits until the run has ended (finished, stopped or failed); true if it did within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stop();
        schedule.timer().shutdownNow();
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
        return schedule.published();
    }

    public long publishFailures() {
        return schedule.failures();
    }

    public long publishBytes() {
        return schedule.bytes();
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
