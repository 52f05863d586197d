package io.connlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times two programs from process start to their first frame, in alternating rounds on the same
 * machine at the same time, so the load both see is alike. Each is started with
 * {@code CONNLAB_STARTUP_PROBE=exit}: it prints the probe's line at its first frame and exits.
 * No JavaFX here: the programs are separate processes.
 */
final class StartupRace {

    static final String PROBE_ENV = io.connlab.ui.StartupProbe.ENV;
    static final String PROBE_LINE = io.connlab.ui.StartupProbe.LINE;
    static final String READY_LINE = io.connlab.ui.StartupProbe.READY_LINE;
    private static final long TIMEOUT_SECONDS = 120;

    /** Milliseconds from process start to the first frame, and to the finished window's first frame. */
    record Timing(double firstFrame, double ready) {
    }

    /**
     * Milliseconds to first frame, per round, of the program and of its reference, and to the
     * program's finished window ({@code programReady}).
     */
    record Result(List<Double> program, List<Double> reference, List<Double> programReady) {
        double medianProgram() {
            return median(program);
        }

        double medianReference() {
            return median(reference);
        }

        double ratio() {
            return medianProgram() / medianReference();
        }

        double medianProgramReady() {
            return median(programReady);
        }
    }

    private StartupRace() {
    }

    /**
     * One warm-up of each (not counted: it fills the disk cache), then {@code rounds} rounds, the
     * order swapped every round.
     */
    static Result run(List<String> program, List<String> reference, int rounds, Map<String, String> env,
                      java.util.function.Consumer<String> progress) throws IOException, InterruptedException {
        time(program, env);
        time(reference, env);
        List<Double> p = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Timing mine;
            if (i % 2 == 0) {
                mine = time(program, env);
                r.add(time(reference, env).firstFrame());
            } else {
                r.add(time(reference, env).firstFrame());
                mine = time(program, env);
            }
            p.add(mine.firstFrame());
            ready.add(mine.ready());
            progress.accept(String.format(java.util.Locale.ROOT, "round %d/%d: first frame %.0f ms (lab ready %.0f ms), reference %.0f ms",
                    i + 1, rounds, mine.firstFrame(), mine.ready(), r.get(i)));
        }
        return new Result(p, r, ready);
    }

    /** Starts {@code command} and reads the probe's lines; throws with the program's last words if they never come. */
    static Timing time(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // a jpackage launcher marks its children so that a nested launcher acts as plain 'java';
        // each start here must be a student's double-click, so the mark goes
        pb.environment().remove("_JPACKAGE_LAUNCHER");
        pb.environment().putAll(env);
        pb.environment().put(PROBE_ENV, "exit");
        long start = System.nanoTime();
        Process process = pb.start();
        List<String> last = new ArrayList<>();
        double first = -1;
        double ready = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                double now = (System.nanoTime() - start) / 1e6;
                if (first < 0 && line.contains(PROBE_LINE)) first = now;
                if (ready < 0 && line.contains(READY_LINE)) ready = now;
                if (last.size() == 5) last.remove(0);
                last.add(line);
            }
        } finally {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) process.destroyForcibly();
        }
        if (first < 0 || ready < 0) {
            throw new IOException(String.join(" ", command) + " exited (code " + process.exitValue()
                    + ") without showing " + (first < 0 ? "a first frame" : "its finished window") + "; its last words: "
                    + String.join(" | ", last));
        }
        return new Timing(first, ready);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
