package io.connlab.run;

import io.connlab.lane.PoolLane;
import io.connlab.lane.RunMessage;
import io.connlab.metrics.Clock;
import io.connlab.metrics.EventLog;
import io.connlab.thread.DaemonThreads;

import java.util.Collection;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The run's clock: a timer thread numbers the messages at the settings' rate (and has each
 * pool lane invoke once per message), and {@value #PUBLISH_THREADS} publisher threads send
 * them, so a slow publish does not stretch the schedule. A full backlog drops a message and
 * counts it as a publish failure rather than falling behind without end.
 */
final class PublishSchedule {
    private static final int PUBLISH_THREADS = 4;
    private static final int PUBLISH_BACKLOG = 10_000;

    private final Collection<RunLane> lanes;
    private final EventLog events;
    private final String runId;
    private final Supplier<RunSettings> settings;
    private final BooleanSupplier running;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor publishing;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Publisher publisher;
    private volatile ScheduledFuture<?> ticks;
    private volatile long endNanos = Long.MAX_VALUE;

    /**
     * @param settings the current settings (the rate and payload size may change during a run)
     * @param running  whether ticks should still publish
     */
    PublishSchedule(Collection<RunLane> lanes, EventLog events, String runId, Supplier<RunSettings> settings,
                    BooleanSupplier running) {
        this.lanes = lanes;
        this.events = events;
        this.runId = runId;
        this.settings = settings;
        this.running = running;
        timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.factory("run-timer"));
        timer.setRemoveOnCancelPolicy(true);
        publishing = new ThreadPoolExecutor(PUBLISH_THREADS, PUBLISH_THREADS, 10, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PUBLISH_BACKLOG), DaemonThreads.factory("run-publish"));
    }

    /** The timer thread, also for the run's own one-off tasks (the end of publishing). */
    ScheduledThreadPoolExecutor timer() {
        return timer;
    }

    /** Publishes through {@code p} from the next tick on. */
    void use(Publisher p) {
        publisher = p;
    }

    /** Starts the ticks; publishing ends {@code duration} from now (no tick due at or after that publishes). */
    void begin(RunSettings s) {
        endNanos = System.nanoTime() + s.duration().toNanos();
        start(s);
    }

    /** Starts (or, at a new rate, restarts) the ticks, keeping the end. */
    void start(RunSettings s) {
        TickPlan plan = TickPlan.of(System.nanoTime(), s.ratePerSecond(), endNanos);
        long[] k = {0}; // only the timer thread counts
        ScheduledFuture<?> old = ticks;
        ticks = timer.scheduleAtFixedRate(() -> {
            if (plan.due(k[0]++)) tick();
        }, 0, plan.periodNanos(), TimeUnit.NANOSECONDS);
        if (old != null) old.cancel(false);
    }

    /** Publishes nothing for {@code pause}, then goes on at the rate of {@code s}, keeping the end. */
    void pause(Duration pause, RunSettings s) {
        stopTicks();
        timer.schedule(() -> {
            if (running.getAsBoolean()) start(s);
        }, pause.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** No more ticks; the publishes already handed out finish (bounded wait). */
    void finishPublishing() throws InterruptedException {
        stopTicks();
        publishing.shutdown();
        publishing.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** No more ticks or publishes. The timer keeps running what the run gave it. */
    void stop() {
        stopTicks();
        publishing.shutdownNow();
    }

    void closePublisher() {
        Publisher p = publisher;
        if (p != null) p.close();
    }

    long published() {
        return seq.get();
    }

    long failures() {
        return failures.get();
    }

    long bytes() {
        return bytes.get();
    }

    private void stopTicks() {
        ScheduledFuture<?> t = ticks;
        if (t != null) t.cancel(false);
    }

    private void tick() {
        if (!running.getAsBoolean()) return;
        long n = seq.incrementAndGet();
        long now = Clock.nowMicros();
        for (RunLane l : lanes) { // one invocation per message, as an SNS-triggered function runs
            if (!l.technique().isPool()) continue;
            l.metrics().published(n, now);
            ((PoolLane) l.lane()).invoke();
        }
        try {
            publishing.execute(() -> publish(n));
        } catch (RejectedExecutionException backlog) {
            failures.incrementAndGet();
            events.add("publisher", -1, EventLog.Kind.ERROR, "publish backlog full: message " + n + " dropped");
        }
    }

    private void publish(long n) {
        Publisher p = publisher;
        if (p == null) return;
        long sentAt = Clock.nowMicros();
        // Every lane learns of the message before it can arrive anywhere.
        for (RunLane l : lanes) {
            if (!l.technique().isPool()) l.metrics().published(n, sentAt);
        }
        String text = RunMessage.format(runId, n, sentAt, settings.get().payloadBytes());
        try {
            p.publish(text);
            bytes.addAndGet(p.estimatedRequestBytes(text));
            consecutiveFailures.set(0);
        } catch (Publisher.PublishException e) {
            failures.incrementAndGet();
            if (consecutiveFailures.incrementAndGet() == 1) {
                events.add("publisher", -1, EventLog.Kind.ERROR, e.getMessage());
            }
        }
    }
}
