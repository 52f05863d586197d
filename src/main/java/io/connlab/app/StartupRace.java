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
    private static final long TIMEOUT_SECONDS = 120;

    /** Milliseconds to first frame, per round, of the program and of its reference. */
    record Result(List<Double> program, List<Double> reference) {
        double medianProgram() {
            return median(program);
        }

        double medianReference() {
            return median(reference);
        }

        double ratio() {
            return medianProgram() / medianReference();
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
        firstFrameMillis(program, env);
        firstFrameMillis(reference, env);
        List<Double> p = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                p.add(firstFrameMillis(program, env));
                r.add(firstFrameMillis(reference, env));
            } else {
                r.add(firstFrameMillis(reference, env));
                p.add(firstFrameMillis(program, env));
            }
            progress.accept(String.format(java.util.Locale.ROOT, "round %d/%d: %.0f ms, reference %.0f ms",
                    i + 1, rounds, p.get(i), r.get(i)));
        }
        return new Result(p, r);
    }

    /** Starts {@code command} and waits for the probe's line; throws with the program's last words if it never comes. */
    static double firstFrameMillis(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put(PROBE_ENV, "exit");
        long start = System.nanoTime();
        Process process = pb.start();
        List<String> last = new ArrayList<>();
        double millis = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (millis < 0 && line.contains(PROBE_LINE)) millis = (System.nanoTime() - start) / 1e6;
                if (last.size() == 5) last.remove(0);
                last.add(line);
            }
        } finally {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) process.destroyForcibly();
        }
        if (millis < 0) {
            throw new IOException(String.join(" ", command) + " exited (code " + process.exitValue()
                    + ") without showing a first frame; its last words: " + String.join(" | ", last));
        }
        return millis;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
