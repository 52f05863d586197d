package io.connlab.app;

import io.connlab.app.engine.Backend;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.Format;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import io.connlab.run.LiveRunEstimate;
import io.connlab.run.RunForProfile;
import io.connlab.run.Quantities;
import io.connlab.run.RunController;
import io.connlab.run.RunException;
import io.connlab.run.RunLane;
import io.connlab.run.RunReport;
import io.connlab.run.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code connlab bench}: one run of every chosen lane against the in-process mock (or the
 * endpoints a profile names), with progress while it runs and one comparison table at the end.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run every technique side by side, headless, and print one comparison table.",
                "Runs against the bundled mock in this process unless --profile names other endpoints."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lanes", split = ",", paramLabel = "LANE",
            description = "websocket, long-poll, short-poll, pool (default: all four).",
            defaultValue = "websocket,long-poll,short-poll,pool")
    List<String> lanes;

    @Option(names = "--pool-mode", split = ",", paramLabel = "MODE",
            description = "Pool lanes to run: pooled, unpooled, proxy (default: ${DEFAULT-VALUE}).",
            defaultValue = "pooled,unpooled")
    List<String> poolModes;

    @Mixin
    WorkloadOptions workload = new WorkloadOptions(20, 100);

    @Option(names = "--duration", paramLabel = "TIME", description = "How long to publish, e.g. 30s, 2m (default ${DEFAULT-VALUE}).",
            defaultValue = "30s", converter = Converters.Time.class)
    Duration duration;

    @Mixin
    MockOptions mock;

    @Mixin
    ProfileOption profile;

    @Option(names = "--json", paramLabel = "FILE", description = "Write settings, machine and every figure as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the comparison table as CSV.")
    Path csv;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(names = "--yes", description = "Run on a live stack even when the forecast is above --confirm-above.")
    boolean yes;

    @Option(names = "--confirm-above", paramLabel = "DOLLARS", description = "A live run forecast above this needs --yes"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "" + LiveRunEstimate.DEFAULT_CONFIRM_ABOVE_DOLLARS)
    double confirmAbove;

    @Mixin
    LessonBench lessonBench;

    @Override
    public Integer call() throws Exception {
        if (lessonBench.requested()) return lessonBench.run(spec.commandLine().getOut(), spec.commandLine().getErr());
        RunSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend backend;
        try {
            backend = Backend.open(profile.file, mock.applyTo(MockConfig.defaults()));
        } catch (IllegalArgumentException | UncheckedIOException e) { // invalid, or unreadable (a directory, no permission)
            err.println("bench: " + e.getMessage());
            return 2;
        }
        try (backend) {
            if (profile.file != null && mock.networkChanged()) {
                err.println("bench: --rtt/--jitter apply to the bundled mock only; ignored");
            }
            return run(backend.profile(), settings, out, err);
        }
    }

    private int run(EndpointProfile target, RunSettings chosen, PrintWriter out, PrintWriter err)
            throws InterruptedException, IOException {
        var given = spec.commandLine().getParseResult();
        RunForProfile.Fitted fitted = RunForProfile.fit(chosen, target,
                given.hasMatchedOption("--lanes") || given.hasMatchedOption("--pool-mode"), given.hasMatchedOption("--publish"));
        fitted.notes().forEach(n -> err.println("bench: " + n));
        RunSettings settings = fitted.settings();
        if (!LiveRunGate.allows(target, settings, yes, confirmAbove, err)) return 2;
        RunController run;
        try {
            run = new RunController(target, settings);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        }
        try (run) {
            err.printf(Locale.ROOT, "bench: %s, %d client(s) per lane, %d msg/s of %d B for %s via %s, against %s%n",
                    settings.lanesLabel(), settings.clientsPerLane(), settings.ratePerSecond(), settings.payloadBytes(),
                    Quantities.format(settings.duration()), settings.publish().name().toLowerCase(Locale.ROOT),
                    target.name());
            err.flush();
            try {
                run.start();
            } catch (RunException e) {
                err.println("bench: " + e.getMessage());
                return 1;
            }
            long totalSeconds = settings.duration().toSeconds();
            // one line per second of the run, numbered by the second it is due at (never skipping one)
            long began = System.nanoTime();
            for (long second = 1; ; second++) {
                long wait = began + second * 1_000_000_000L - System.nanoTime();
                if (run.awaitEnd(Duration.ofNanos(Math.max(0, wait)))) break;
                if (!quiet) {
                    err.println(progress(run, second, totalSeconds));
                    err.flush();
                }
            }
            RunReport report = RunReport.of(run);
            out.println();
            out.println(Comparison.of(report.lanes()).toText());
            if (run.publishFailures() > 0) {
                out.println("Publish failures: " + run.publishFailures() + " (see the first error above)");
            }
            if (json != null) report.writeJson(json);
            if (csv != null) report.writeCsv(csv);
            out.flush();
            return run.phase() == RunController.Phase.FINISHED ? 0 : 1;
        }
    }

    private static String progress(RunController run, long elapsed, long totalSeconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%3ds/%ds] %s published %d",
                Math.min(elapsed, totalSeconds), totalSeconds, run.phase().name().toLowerCase(Locale.ROOT), run.published()));
        for (RunLane l : run.lanes()) {
            LaneSnapshot s = l.snapshot();
            sb.append(" | ").append(l.technique().label()).append(' ');
            if (l.technique().isPool()) {
                sb.append(s.pool().invocations()).append(" calls, ").append(s.pool().failed()).append(" failed");
            } else {
                sb.append(s.delivered()).append(" in, p50 ").append(Format.ms(s.latency().p50()));
            }
        }
        return sb.toString();
    }

    RunSettings settings() {
        Set<Technique> chosen;
        try {
            chosen = LaneIds.parse(lanes, poolModes, List.of(Technique.values()));
        } catch (IllegalArgumentException e) {
            throw workload.bad(e.getMessage());
        }
        mock.applyTo(MockConfig.defaults());
        return workload.settings(chosen, duration);
    }
}
