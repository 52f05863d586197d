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
            description = "Run this lesson's experiments instead (e.g. websocket, or 2) and check each observation.")
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
        Lesson l = find(library);
        if (l == null) {
            err.println("bench: no lesson '" + lesson + "'; the lessons are: "
                    + String.join(", ", library.lessons().stream().map(x -> x.order() + " " + x.id()).toList()));
            return 2;
        }
        List<Experiment> chosen = l.experiments();
        if (experiment != null) {
            if (experiment < 1 || experiment > chosen.size()) {
                err.println("bench: lesson '" + l.id() + "' has experiments 1.." + chosen.size() + ", not " + experiment);
                return 2;
            }
            chosen = List.of(chosen.get(experiment - 1));
        }
        ExperimentRunner runner = new ExperimentRunner(MockExperimentBackend::start);
        int held = 0;
        for (Experiment e : chosen) {
            int n = l.experiments().indexOf(e) + 1;
            err.printf(Locale.ROOT, "lesson %s, experiment %d (%s): running %s...%n", l.id(), n, e.id(),
                    e.preset().run().duration().toSeconds() + " s");
            err.flush();
            ExperimentResult r = runner.run(e, line -> {
                err.println("  " + line);
                err.flush();
            });
            out.printf(Locale.ROOT, "%d %-22s %-5s %s%n", n, e.id(), r.held() ? "HELD" : "NOT", e.observation().source());
            if (r.failure() != null) out.println("    " + r.failure());
            else {
                out.println("    " + r.figuresText());
                if (r.outcome().problem() != null) out.println("    " + r.outcome().problem());
            }
            out.flush();
            if (r.held()) held++;
        }
        out.printf(Locale.ROOT, "%d of %d observations held%n", held, chosen.size());
        return held == chosen.size() ? 0 : 1;
    }

    private Lesson find(LessonLibrary library) {
        Lesson byId = library.lesson(lesson);
        if (byId != null) return byId;
        return library.lessons().stream().filter(x -> Integer.toString(x.order()).equals(lesson)).findFirst().orElse(null);
    }
}
