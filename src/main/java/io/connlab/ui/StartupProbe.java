package io.connlab.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Tells a parent process when the window's first frame is out, for the start-up benchmark
 * ({@code connlab bench-startup}), the bundle's training run and CI's screenshot. Off unless
 * the environment variable {@value #ENV} is set: {@code print} reports {@link #LINE} at the first
 * frame and {@link #READY_LINE} at the finished window's; {@code exit} exits at once after the
 * latter; {@code exit-after:MS} exits MS milliseconds later (the training run, so the background
 * start of the mock is seen too).
 * The same probe watches ConnLab and the bare reference window, so both are timed alike.
 */
public final class StartupProbe {

    public static final String ENV = "CONNLAB_STARTUP_PROBE";
    public static final String LINE = "connlab-startup-probe: first frame";
    /** Printed at the first frame of the whole lab (for the bare window: the same frame). */
    public static final String READY_LINE = "connlab-startup-probe: lab ready";

    /** Where the lines go: stdout, set by the app's entry points (this layer does not print). */
    private static volatile Consumer<String> report = line -> { };

    private StartupProbe() {
    }

    /** Sends the probe's lines to {@code sink}; call before the window opens. */
    public static void reportTo(Consumer<String> sink) {
        report = sink;
    }

    /** Reports {@link #LINE} once {@code scene}'s first frame is out, when the probe is on; FX thread, before the first pulse. */
    public static void firstFrame(Scene scene) {
        if (System.getenv(ENV) == null || System.getenv(ENV).isBlank()) return;
        afterFirstFrame(scene, () -> report.accept(LINE));
    }

    /** {@link #watch(Scene)} on the lab window's scene; for the app's entry point, which stays clear of JavaFX. */
    public static void watchLab(LabWindow window) {
        watch(window.root().getScene());
    }

    /**
     * Reports {@link #READY_LINE} once the finished window's first frame is out and exits as the
     * environment says; FX thread, before its first pulse.
     */
    public static void watch(Scene scene) {
        try {
            watch(scene, System.getenv(ENV));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + " (ignored)"); // a typo in a bench's setting must not stop the app
        }
    }

    static void watch(Scene scene, String mode) {
        long exitAfterMillis = exitAfterMillis(mode);
        if (exitAfterMillis == Long.MIN_VALUE) return;
        afterFirstFrame(scene, () -> {
            report.accept(READY_LINE);
            if (exitAfterMillis >= 0) exitLater(exitAfterMillis);
        });
    }

    /**
     * Runs {@code then} on the FX thread once {@code scene}'s first frame is on the screen: after
     * the second pulse, whose start waits for the first frame's rendering, and behind the first
     * frame's upload to the window, which the software pipeline queues on the FX thread (so a
     * long task started right after the first pulse would keep the frame off the screen).
     */
    static void afterFirstFrame(Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        int[] pulses = {0};
        listener[0] = () -> {
            if (++pulses[0] == 1) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** -1 to stay open, the delay before exiting, or Long.MIN_VALUE when the probe is off. */
    static long exitAfterMillis(String mode) {
        if (mode == null || mode.isBlank()) return Long.MIN_VALUE;
        String m = mode.trim().toLowerCase(Locale.ROOT);
        if (m.equals("print")) return -1;
        if (m.equals("exit")) return 0;
        if (m.startsWith("exit-after:")) {
            try {
                return Math.max(0, Long.parseLong(m.substring("exit-after:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV + "=" + mode + ": expected print, exit or exit-after:MILLIS");
            }
        }
        throw new IllegalArgumentException(ENV + "=" + mode + ": expected print, exit or exit-after:MILLIS");
    }

    private static void exitLater(long millis) {
        if (millis == 0) System.exit(0);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException ignored) {
                // exit now
            }
            // a normal JVM exit, so a training run's class-data archive is written
            System.exit(0);
        }, "startup-probe-exit");
        t.setDaemon(true);
        t.start();
    }
}
