package io.connlab.ui.model;

import io.connlab.lesson.Experiment;
import io.connlab.lesson.ExperimentResult;
import io.connlab.lesson.Observation;
import io.connlab.lesson.RunFigures;
import io.connlab.lesson.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A student's go at one experiment: the choice they made before the run, then, once the run
 * has ended, what its figures say. No JavaFX: the card shows what this computes.
 */
public final class ExperimentAttempt {

    /** What the run showed: the verdict on the prediction and the figures the observation read. */
    public record Judgement(Verdict verdict, List<Measured> figures, String problem) {
    }

    /** A figure the observation read: its expression ("websocket.closes[1009]") and value. */
    public record Measured(String expression, double value) {
        /** In the window's words with its unit: "WebSocket: 1 closes with code 1009". */
        public String words() {
            return FigureWords.of(expression, value);
        }

        /** As the lesson's check writes it: "websocket.closes[1009] = 1". */
        public String asExpression() {
            return expression + " = " + (Double.isNaN(value) ? I18n.t("lesson.noValue") : ExperimentResult.figure(value));
        }
    }

    private final Experiment experiment;
    private final int choice;

    /** @param choice the chosen answer, from 0 */
    public ExperimentAttempt(Experiment experiment, int choice) {
        if (choice < 0 || choice >= experiment.prediction().choices().size()) {
            throw new IllegalArgumentException("choice must be 0.." + (experiment.prediction().choices().size() - 1));
        }
        this.experiment = experiment;
        this.choice = choice;
    }

    public Experiment experiment() {
        return experiment;
    }

    public int choice() {
        return choice;
    }

    /** Judges the attempt by the run's settled figures; empty figures (a run that did not end) judge nothing. */
    public Judgement judge(Optional<RunFigures> figures) {
        if (figures.isEmpty()) return new Judgement(Verdict.NOT_SHOWN, List.of(), "no-figures");
        Observation.Outcome outcome = experiment.observation().evaluate(figures.get());
        List<Measured> lines = new ArrayList<>();
        outcome.figures().forEach((name, v) -> lines.add(new Measured(name, v)));
        return new Judgement(Verdict.of(experiment.prediction(), choice, outcome), List.copyOf(lines), outcome.problem());
    }

    /** The right answer's text (shown after the run). */
    public String rightAnswer() {
        return experiment.prediction().choices().get(experiment.prediction().answer());
    }
}
