package io.connlab.app;

import io.connlab.ui.GuiLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code connlab bench-startup}: time from process start to the first frame, for ConnLab as the
 * bundle starts it (its launcher) and, in the same run, for a bare JavaFX window on the same
 * runtime, in alternating rounds. Budget: ConnLab within 1.5x of the bare window; aim: 1.2x.
 */
@Command(name = "bench-startup", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Time process start to first frame: ConnLab's launcher against a bare JavaFX window on the same runtime.",
                "Run it from the bundle (bin/connlab bench-startup); needs a display."})
final class StartupBenchCommand implements Callable<Integer> {
    static final double BUDGET = 1.5;
    static final double AIM = 1.2;

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds of each, after one warm-up (default ${DEFAULT-VALUE}).",
            defaultValue = "7")
    int rounds;

    @Option(names = "--launcher", paramLabel = "FILE",
            description = "ConnLab's launcher (default: the one that started this, in a bundle).")
    Path launcher;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 1 || rounds > 50) throw new ParameterException(spec.commandLine(), "--rounds must be 1..50, not " + rounds);
        Path start = launcher != null ? launcher : appPath();
        if (start == null) {
            throw new ParameterException(spec.commandLine(),
                    "not started from the bundle: run bin/connlab bench-startup there, or give --launcher");
        }
        if (!Files.isExecutable(start)) throw new ParameterException(spec.commandLine(), "no launcher at " + start);
        if (!GuiLauncher.hasDisplay(System.getenv(), System.getProperty("os.name", ""), null, null)) {
            err.println(GuiLauncher.NO_DISPLAY);
            return 1;
        }
        List<String> connlab = List.of(start.toString());
        List<String> bare = List.of(javaCommand(), "-cp", ownJar(), BareWindowMain.class.getName());
        err.printf(Locale.ROOT, "bench-startup: %d round(s) after a warm-up; load average %s%n", rounds, loadAverage());
        StartupRace.Result r = StartupRace.run(connlab, bare, rounds, Map.of(), err::println);
        String verdict = r.ratio() <= AIM ? "within the aim" : r.ratio() <= BUDGET ? "within the budget" : "OVER the budget";
        out.printf(Locale.ROOT, "first frame, median of %d: ConnLab %.0f ms, bare JavaFX window %.0f ms: %.2fx (%s: budget %.1fx, aim %.1fx)%n",
                rounds, r.medianProgram(), r.medianReference(), r.ratio(), verdict, BUDGET, AIM);
        out.printf(Locale.ROOT, "lab ready (the finished window's first frame), median: %.0f ms: %.2fx the bare window%n",
                r.medianProgramReady(), r.medianProgramReady() / r.medianReference());
        out.printf(Locale.ROOT, "  ConnLab   %s%n  lab ready %s%n  bare      %s%n  runtime   %s (Java %s); load average after: %s%n",
                list(r.program()), list(r.programReady()), list(r.reference()), System.getProperty("java.home"),
                System.getProperty("java.version"), loadAverage());
        return 0;
    }

    /** jpackage's launchers say where they are. */
    private static Path appPath() {
        String p = System.getProperty("jpackage.app-path");
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    private static String javaCommand() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** The jar (or classes folder) holding this class: the bare window lives there too. */
    private static String ownJar() throws Exception {
        return Path.of(StartupBenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception notLinux) {
            return "n/a";
        }
    }

    private static String list(List<Double> ms) {
        return ms.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).reduce((a, b) -> a + " " + b).orElse("") + " ms";
    }
}
