package io.connlab.app;

import io.connlab.lesson.Experiment;
import io.connlab.lesson.ExperimentResult;
import io.connlab.lesson.ExperimentRunner;
import io.connlab.lesson.Lesson;
import io.connlab.lesson.LessonLibrary;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --lesson ID [--experiment N]}: runs a lesson's experiments headless on the
 * bundled mock and prints, for each, its observation and whether it held. An instructor checks
 * a classroom machine with it before a workshop. Exit code 0 when every observation held.
 */
final class LessonBench {
    @Option(names = "--lesson", paramLabel = "ID",
            description = "Run this lesson's experiments instead (e.g. websocket, 2, or all) and check each observation.")
    String lesson;

    @Option(names = "--experiment", paramLabel = "N", description = "With --lesson: only the N-th experiment (from 1).")
    Integer experiment;

    boolean requested() {
        return lesson != null || experiment != null;
    }

    int run(PrintWriter out, PrintWriter err) throws InterruptedException {
        if (lesson == null) {
            err.println("bench: --experiment needs --lesson");
            return 2;
        }
        LessonLibrary library = LessonLibrary.fromClasspath("en");
        List<Lesson> lessons = lesson.equals("all") ? library.lessons() : find(library);
        if (lessons.isEmpty()) {
            err.println("bench: no lesson '" + lesson + "'; the lessons are: "
                    + String.join(", ", library.lessons().stream().map(x -> x.order() + " " + x.id()).toList()) + ", or all");
            return 2;
        }
        if (experiment != null && lessons.size() > 1) {
            err.println("bench: --experiment needs one lesson, not all");
            return 2;
        }
        ExperimentRunner runner = new ExperimentRunner(MockExperimentBackend::start);
        int held = 0, ran = 0;
        for (Lesson l : lessons) {
            List<Experiment> chosen = l.experiments();
            if (experiment != null) {
                if (experiment < 1 || experiment > chosen.size()) {
                    err.println("bench: lesson '" + l.id() + "' has experiments 1.." + chosen.size() + ", not " + experiment);
                    return 2;
                }
                chosen = List.of(chosen.get(experiment - 1));
            }
            for (Experiment e : chosen) {
                ran++;
                if (runOne(runner, l, e, out, err)) held++;
            }
        }
        out.printf(Locale.ROOT, "%d of %d observations held%n", held, ran);
        return held == ran ? 0 : 1;
    }

    /** Runs one experiment, prints its observation, whether it held and the figures it read. */
    private static boolean runOne(ExperimentRunner runner, Lesson l, Experiment e, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        int n = l.experiments().indexOf(e) + 1;
        err.printf(Locale.ROOT, "lesson %s, experiment %d (%s): running %d s...%n", l.id(), n, e.id(),
                e.preset().run().duration().toSeconds());
        err.flush();
        ExperimentResult r = runner.run(e, line -> {
            err.println("  " + line);
            err.flush();
        });
        out.printf(Locale.ROOT, "%d.%d %-22s %-5s %s%n", l.order(), n, e.id(), r.held() ? "HELD" : "NOT", e.observation().source());
        if (r.failure() != null) {
            out.println("    " + r.failure());
        } else {
            out.println("    " + r.figuresText());
            if (r.outcome().problem() != null) out.println("    " + r.outcome().problem());
            if (r.held() && e.why() != null) out.println("    why: " + e.why());
        }
        out.flush();
        return r.held();
    }

    private List<Lesson> find(LessonLibrary library) {
        Lesson byId = library.lesson(lesson);
        if (byId != null) return List.of(byId);
        return library.lessons().stream().filter(x -> Integer.toString(x.order()).equals(lesson)).toList();
    }
}
