package io.connlab.ui.lesson;

import io.connlab.lesson.Experiment;
import io.connlab.lesson.RunFigures;
import io.connlab.lesson.TimedFault;
import io.connlab.ui.model.Said;
import io.connlab.ui.model.ExperimentAttempt;
import io.connlab.ui.model.I18n;
import io.connlab.ui.toolbar.RunControlModel.Activity;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An experiment where it stands in the lesson: its question with a choice to make first,
 * "Try it" (which puts the preset into the toolbar and starts the run with its faults), and
 * after the run the figures that answer the question and whether the prediction was right.
 */
final class ExperimentCard extends VBox {
    private final Experiment experiment;
    private final ToggleGroup choices = new ToggleGroup();
    private final Label result = new Label();
    private final Label figures = new Label();
    private ExperimentAttempt waiting;

    /** What a student did on a card, kept by the lesson pane across lessons and languages: the choice, and the last run's judgement. */
    record Answered(int choice, ExperimentAttempt.Judgement judgement) {
    }

    /**
     * @param activity what the run is doing; "Try it" waits for IDLE
     * @param start    starts the experiment's run; false when refused
     * @param lastRun  the last run's settled figures
     * @param reveal   scrolls the lesson so that a node of this card is in view
     */
    ExperimentCard(Experiment experiment, ObservableValue<Activity> activity, Predicate<Experiment> start,
                   Supplier<Optional<RunFigures>> lastRun, java.util.function.BiConsumer<javafx.scene.Node, javafx.scene.Node> reveal,
                   java.util.Map<String, Answered> answered) {
        this.experiment = experiment;
        getStyleClass().add("experiment-card");
        setId("experiment-" + experiment.id());
        Label title = new Label(I18n.t("lesson.experiment", experiment.title()));
        title.getStyleClass().add("experiment-title");
        title.setWrapText(true);
        Label preset = new Label(describe());
        preset.getStyleClass().add("experiment-preset");
        preset.setWrapText(true);
        Label question = new Label(experiment.prediction().question());
        question.getStyleClass().add("experiment-question");
        question.setWrapText(true);
        getChildren().addAll(title, preset, question);
        int i = 0;
        for (String c : experiment.prediction().choices()) {
            RadioButton b = new RadioButton(c);
            b.setWrapText(true);
            b.setUserData(i++);
            b.setToggleGroup(choices);
            b.getStyleClass().add("experiment-choice");
            getChildren().add(b);
        }
        Button tryIt = new Button(I18n.t("lesson.tryIt"));
        tryIt.getStyleClass().addAll("try-it", "accent");
        tryIt.setId("try-" + experiment.id());
        tryIt.disableProperty().bind(choices.selectedToggleProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> activity.getValue() != Activity.IDLE, activity)));
        Label hint = new Label();
        hint.getStyleClass().add("experiment-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.when(choices.selectedToggleProperty().isNull())
                .then(I18n.t("lesson.predictFirst")).otherwise(""));
        result.getStyleClass().add("experiment-result");
        result.setWrapText(true);
        result.setId("result-" + experiment.id());
        figures.getStyleClass().add("experiment-figures");
        figures.setWrapText(true);
        figures.setId("figures-" + experiment.id());
        getChildren().addAll(tryIt, hint, result, figures);
        Answered before = answered.get(experiment.id());
        if (before != null) {
            choices.getToggles().get(before.choice()).setSelected(true);
            if (before.judgement() != null) show(before.judgement(), new ExperimentAttempt(experiment, before.choice()));
        }
        choices.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) return;
            Answered was = answered.get(experiment.id());
            answered.put(experiment.id(), new Answered((Integer) b.getUserData(), was == null ? null : was.judgement()));
        });

        tryIt.setOnAction(e -> {
            ExperimentAttempt attempt = new ExperimentAttempt(experiment, (Integer) choices.getSelectedToggle().getUserData());
            if (start.test(experiment)) {
                waiting = attempt;
                result.getStyleClass().removeAll("right", "wrong"); // the last try's verdict is not this one's
                result.setText(I18n.t("lesson.running"));
                figures.setText("");
                reveal.accept(result, figures);
            }
        });
        activity.addListener((o, was, now) -> {
            if (now == Activity.IDLE && waiting != null) {
                ExperimentAttempt.Judgement j = waiting.judge(lastRun.get());
                answered.put(experiment.id(), new Answered(waiting.choice(), j));
                show(j, waiting);
                waiting = null;
                reveal.accept(result, figures); // the outcome in view, wherever the student scrolled meanwhile
            }
        });
    }

    private void show(ExperimentAttempt.Judgement j, ExperimentAttempt attempt) {
        result.getStyleClass().removeAll("right", "wrong");
        switch (j.verdict()) {
            case RIGHT -> {
                result.setText(I18n.t("lesson.right", attempt.rightAnswer()));
                result.getStyleClass().add("right");
            }
            case WRONG -> {
                result.setText(I18n.t("lesson.wrong", attempt.rightAnswer()));
                result.getStyleClass().add("wrong");
            }
            case NOT_SHOWN -> result.setText(j.figures().isEmpty() ? I18n.t("lesson.noFigures") : I18n.t("lesson.notShown"));
        }
        // Why it came out so: only once the run has shown it, never before the student predicts.
        if (j.verdict() != io.connlab.lesson.Verdict.NOT_SHOWN && experiment.why() != null) {
            result.setText(result.getText() + "\n" + experiment.why());
        }
        // the window's words with units; the check's own expressions for the curious, in the tooltip
        figures.setText(j.figures().isEmpty() ? "" : I18n.t("lesson.measured",
                String.join("\n", j.figures().stream().map(ExperimentAttempt.Measured::words).toList())));
        figures.setTooltip(j.figures().isEmpty() ? null : new javafx.scene.control.Tooltip(I18n.t("lesson.measured.tip",
                String.join("\n", j.figures().stream().map(ExperimentAttempt.Measured::asExpression).toList()))));
    }

    /** The preset in a line: lanes, rate, clients, time, faults. */
    private String describe() {
        var r = experiment.preset().run();
        StringBuilder sb = new StringBuilder(I18n.t("lesson.preset", Said.list(r.lanes().stream().sorted()
                .map(k -> I18n.t("lane." + k.id())).toList()), r.ratePerSecond(), r.clientsPerLane(), Said.duration(r.duration())));
        for (TimedFault f : experiment.preset().faults()) {
            sb.append("\n").append(I18n.t("fault." + f.kind().name(), Said.duration(f.at()),
                    f.listener() == null ? "" : f.listener(), f.bytes() / 1024, f.pause() == null ? "" : Said.duration(f.pause())));
        }
        return sb.toString();
    }

    Experiment experiment() {
        return experiment;
    }
}
