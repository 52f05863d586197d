package io.connlab.lesson;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.run.RunActions;
import io.connlab.run.RunController;
import io.connlab.thread.DaemonThreads;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays an experiment's timed faults against a started run, on a thread of its own: each at
 * its time after publishing started, through the mock's admin API or the run's own clients.
 * What happened (or why a fault could not be done) goes to {@code log}.
 */
public final class FaultTimeline implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private FaultTimeline(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Schedules {@code faults} for {@code run}, which must have started. */
    public static FaultTimeline start(RunController run, List<TimedFault> faults, MockAdminClient admin, Consumer<String> log) {
        return start(run, faults, admin, log, f -> { });
    }

    /** As above; {@code before} hears each fault just before it is played (the window marks it on the strips). */
    public static FaultTimeline start(RunController run, List<TimedFault> faults, MockAdminClient admin, Consumer<String> log,
                                      Consumer<TimedFault> before) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.factory("lesson-faults"));
        Instant started = run.startedAt() == null ? Instant.now() : run.startedAt();
        for (TimedFault f : faults) {
            long delay = Math.max(0, Duration.between(Instant.now(), started.plus(f.at())).toMillis());
            timer.schedule(() -> {
                if (run.phase() != RunController.Phase.RUNNING) return;
                before.accept(f);
                play(run, f, admin, log);
            }, delay, TimeUnit.MILLISECONDS);
        }
        return new FaultTimeline(timer);
    }

    private static void play(RunController run, TimedFault f, MockAdminClient admin, Consumer<String> log) {
        if (run.phase() != RunController.Phase.RUNNING) return;
        try {
            switch (f.kind()) {
                case DROP -> log.accept(f + " (" + admin.drop(f.listener()) + " dropped)");
                case STOP_DATABASE -> {
                    admin.stopDatabase(f.pause());
                    log.accept(f.toString());
                }
                case PAUSE_PUBLISHING -> {
                    run.pausePublishing(f.pause());
                    log.accept(f.toString());
                }
                case SEND -> {
                    RunActions.sendOnWebSocket(run, f.bytes()).get(10, TimeUnit.SECONDS);
                    log.accept(f.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.accept(f + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
