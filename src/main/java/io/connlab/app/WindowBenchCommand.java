package io.connlab.app;

import io.connlab.app.engine.LabRuntime;
import io.connlab.metrics.Technique;
import io.connlab.run.Quantities;
import io.connlab.run.RunSettings;
import io.connlab.ui.WindowBench;
import io.connlab.ui.model.FrameStats;
import io.connlab.ui.toolbar.ToolbarModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code connlab bench-window}: opens the real window on the real engine (the bundled mock),
 * starts a run with no clicking, and measures the frame loop while the lanes deliver: how
 * long our code takes per pulse and how far apart the pulses are. The default workload is
 * about 5,000 delivered events per second.
 */
@Command(name = "bench-window", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Open the window, run the lanes on the bundled mock and measure frame times.",
                "Default: 50 msg/s x 33 clients on WebSocket, long poll and short poll, plus both pool lanes",
                "(50 invocations/s each): about 5,050 delivered events/s."})
final class WindowBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload = new WorkloadOptions(50, 33);

    @Option(names = "--lanes", split = ",", paramLabel = "LANE",
            description = "Window lanes to run: websocket, long-poll, short-poll, pooled, unpooled (default: all).",
            defaultValue = "websocket,long-poll,short-poll,pooled,unpooled")
    List<String> lanes;

    @Option(names = "--duration", paramLabel = "TIME", description = "How long to measure (default ${DEFAULT-VALUE}).",
            defaultValue = "20s", converter = Converters.Time.class)
    Duration duration;

    @Option(names = "--warm-up", paramLabel = "TIME",
            description = "Time after the run has started before measuring (default ${DEFAULT-VALUE}).",
            defaultValue = "10s", converter = Converters.Time.class)
    Duration warmUp;

    @Option(names = "--rtt", paramLabel = "MS",
            description = "Added round trip on the bundled mock, ms (default ${DEFAULT-VALUE}, the workload's documented one).",
            defaultValue = "40")
    int rtt;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "Save a PNG of the window at the end.")
    Path screenshot;

    @Override
    public Integer call() {
        RunSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long target = expectedPerSecond(settings);
        err.printf(Locale.ROOT, "bench-window: %s; %d client(s) per lane, %d msg/s of %d B via %s: %,d delivered events/s expected;"
                        + " warm-up %s, measuring %s%n", settings.lanesLabel(), settings.clientsPerLane(),
                settings.ratePerSecond(), settings.payloadBytes(), settings.publish().name().toLowerCase(Locale.ROOT),
                target, Quantities.format(warmUp), Quantities.format(duration));
        err.flush();
        double loadBefore = load();
        LabRuntime runtime = new LabRuntime();
        Optional<WindowBench.Result> ran = WindowBench.run(() -> runtime,
                new WindowBench.Plan(settings, warmUp, duration, screenshot, runtime::deliveredSoFar,
                        runtime::publishedSoFar, rtt));
        if (ran.isEmpty()) return 1; // no display: the launcher said so in one line
        WindowBench.Result r = ran.get();
        if (!r.ok()) {
            err.println("bench-window: " + r.failure());
            if (r.frames().pulses() == 0) return 1;
        }
        print(out, r, target, loadBefore, load());
        out.flush();
        return r.ok() ? 0 : 1;
    }

    private void print(PrintWriter out, WindowBench.Result r, long target, double loadBefore, double loadAfter) {
        FrameStats f = r.frames();
        out.println();
        out.printf(Locale.ROOT, "Measured              %.1f s%n", r.seconds());
        out.printf(Locale.ROOT, "Delivered events/s    %,.0f (expected %,d; published %.1f msg/s)%n",
                r.deliveredPerSecond(), target, r.publishedPerSecond());
        out.printf(Locale.ROOT, "Pulses                %,d (%.1f/s)%n", f.pulses(), f.pulsesPerSecond());
        out.printf(Locale.ROOT, "Our code per pulse    p50 %.2f ms  p99 %.2f ms  max %.2f ms  (over 16.7 ms: %d)%n",
                f.handlerP50Ms(), f.handlerP99Ms(), f.handlerMaxMs(), f.handlerOver16());
        out.printf(Locale.ROOT, "  of it on the CPU     p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                f.cpuP50Ms(), f.cpuP99Ms(), f.cpuMaxMs());
        out.printf(Locale.ROOT, "Pulse interval        p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                f.intervalP50Ms(), f.intervalP99Ms(), f.intervalMaxMs());
        out.printf(Locale.ROOT, "Late pulses           > 16.7 ms: %d (%.1f%%)  > 33.3 ms: %d (%.1f%%)%n",
                f.lateOver16(), percent(f.lateOver16(), f.pulses() - 1), f.lateOver33(), percent(f.lateOver33(), f.pulses() - 1));
        if (r.pictureSize() != null) out.printf("Screenshot            %s (%s)%n", screenshot, r.pictureSize());
        out.printf(Locale.ROOT, "Machine               %d cores, load average %.2f before, %.2f after; Java %s, %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, System.getProperty("java.version"),
                System.getProperty("os.name"));
    }

    private static double percent(long n, long of) {
        return of <= 0 ? 0 : 100.0 * n / of;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Message lanes deliver every message to every client; pool lanes make one invocation per message. */
    static long expectedPerSecond(RunSettings s) {
        long sum = 0;
        for (Technique t : s.lanes()) sum += t.isPool() ? s.ratePerSecond() : (long) s.ratePerSecond() * s.clientsPerLane();
        return sum;
    }

    RunSettings settings() {
        Set<Technique> chosen;
        try {
            chosen = LaneIds.parse(lanes, List.of(), ToolbarModel.WINDOW_LANES);
        } catch (IllegalArgumentException e) {
            throw workload.bad(e.getMessage());
        }
        if (duration.toMillis() < 1000 || duration.toHours() > 1) throw workload.bad("--duration must be 1s..1h");
        if (warmUp.isNegative() || warmUp.toMinutes() > 10) throw workload.bad("--warm-up must be 0s..10m");
        // the run outlasts the measurement; the bench stops it
        return workload.settings(chosen, Duration.ofHours(1));
    }
}
