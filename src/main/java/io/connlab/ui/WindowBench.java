package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.run.Quantities;
import io.connlab.run.RunSettings;
import io.connlab.thread.DaemonThreads;
import io.connlab.ui.model.FrameStats;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.ToolbarModel;
import javafx.application.Platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Drives the real window for the frame-time benchmark ({@code connlab bench-window}): opens it
 * with the given engine and throwaway preferences, types the run's settings into the toolbar,
 * starts the run through the window's own run model (no clicking), lets it warm up, measures
 * the frame loop for a while, optionally takes a picture, then closes the window the way its
 * close button does (every lane and the backend stop).
 */
public final class WindowBench {

    /** How long to wait for the backend and the lanes before giving up. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** The run is set to last this much longer than warm-up plus measurement, so it is still going at the end. */
    private static final Duration RUN_SLACK = Duration.ofSeconds(30);

    /**
     * @param settings  the run (its duration is replaced: the run outlasts the measurement)
     * @param warmUp    time after the run has started before measuring (lanes settle, code warms)
     * @param measure   how long to measure
     * @param picture   where to save a PNG of the window at the end, or null
     * @param delivered the events delivered so far, over every lane; read at the measurement's start and end
     * @param published the messages published so far; read likewise
     */
    /** @param rttMillis the mock's added round trip, typed into the toolbar like the rest (the window's default is the teaching one) */
    public record Plan(RunSettings settings, Duration warmUp, Duration measure, Path picture, LongSupplier delivered,
                       LongSupplier published, int rttMillis) {
    }

    /**
     * @param frames         the frame figures over the measurement
     * @param seconds        how long the measurement really lasted
     * @param delivered      events delivered during the measurement
     * @param published      messages published during the measurement
     * @param pictureSize    "width x height" of the saved picture, or null
     * @param failure        why the bench could not measure (the run did not start...), or null
     */
    public record Result(FrameStats frames, double seconds, long delivered, long published, String pictureSize,
                         String failure) {

        public double deliveredPerSecond() {
            return seconds <= 0 ? 0 : delivered / seconds;
        }

        public double publishedPerSecond() {
            return seconds <= 0 ? 0 : published / seconds;
        }

        public boolean ok() {
            return failure == null;
        }
    }

    private WindowBench() {
    }

    /**
     * Opens the window, measures, closes it; blocks meanwhile. Empty when there is no display
     * (the launcher has already said so in one line on stderr).
     */
    public static Optional<Result> run(Supplier<LabEngine> engine, Plan plan) {
        AtomicReference<Result> result = new AtomicReference<>();
        int code = GuiLauncher.launch(new String[0], engine, UiPreferences::inMemory, window -> {
            DaemonThreads.factory("connlab-window-bench").newThread(() -> result.set(drive(window, plan))).start();
        });
        if (code != 0 && result.get() == null) return Optional.empty();
        Result r = result.get();
        return Optional.of(r != null ? r : failed("the window closed before the bench ended"));
    }

    private static Result drive(LabWindow window, Plan plan) {
        try {
            startRun(window, plan);
            sleep(plan.warmUp());
            long published0 = plan.published().getAsLong();
            long delivered0 = plan.delivered().getAsLong();
            long t0 = System.nanoTime();
            window.resetFrameStats();
            sleep(plan.measure());
            FrameStats frames = window.frameStats();
            long published1 = plan.published().getAsLong();
            long delivered1 = plan.delivered().getAsLong();
            double seconds = (System.nanoTime() - t0) / 1e9;
            String still = onFx(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING ? null
                    : "the run ended before the measurement did: " + window.runControl().statusProperty().get());
            String size = null;
            if (plan.picture() != null) {
                WindowPicture picture = onFx(() -> WindowPicture.of(window.root().getScene()));
                picture.save(plan.picture());
                size = picture.width() + "x" + picture.height();
            }
            return new Result(frames, seconds, delivered1 - delivered0, published1 - published0, size, still);
        } catch (Exception e) {
            return failed(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            Platform.runLater(() -> window.close().orTimeout(15, TimeUnit.SECONDS)
                    .whenComplete((v, t) -> Platform.exit()));
        }
    }

    /** Types the settings into the toolbar and presses Start; returns once the run is going. */
    private static void startRun(LabWindow window, Plan plan) throws Exception {
        RunSettings s = plan.settings();
        Duration runFor = plan.warmUp().plus(plan.measure()).plus(RUN_SLACK);
        CompletableFuture<Void> running = new CompletableFuture<>();
        onFx(() -> {
            ToolbarModel t = window.toolbarModel();
            t.rateProperty().set(String.valueOf(s.ratePerSecond()));
            t.payloadProperty().set(s.payloadBytes() + " B");
            t.durationProperty().set(Quantities.format(Duration.ofSeconds((runFor.toMillis() + 999) / 1000)));
            t.clientsProperty().set(String.valueOf(s.clientsPerLane()));
            t.publishProperty().set(s.publish());
            t.rttMillisProperty().set(plan.rttMillis());
            for (Technique k : ToolbarModel.WINDOW_LANES) t.shownProperty(k).set(s.lanes().contains(k));
            RunControlModel run = window.runControl();
            run.activityProperty().addListener((o, was, now) -> {
                if (now == RunControlModel.Activity.RUNNING) running.complete(null);
                else if (now == RunControlModel.Activity.IDLE && !running.isDone()) {
                    running.completeExceptionally(new IllegalStateException(run.statusProperty().get()));
                }
            });
            if (!run.start()) {
                running.completeExceptionally(new IllegalStateException("the window refused the settings: "
                        + run.statusProperty().get()));
            }
            return null;
        });
        try {
            running.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the run did not start within " + START_TIMEOUT.toSeconds() + " s");
        }
    }

    private static <T> T onFx(Callable<T> job) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(job.call());
            } catch (Exception | LinkageError e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static Result failed(String why) {
        return new Result(FrameStats.NONE, 0, 0, 0, null, why);
    }
}
