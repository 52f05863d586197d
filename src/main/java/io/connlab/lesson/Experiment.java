package io.connlab.lesson;

import java.util.List;

/**
 * One "predict, run, observe" experiment of a lesson: a preset to run, a question to answer
 * first, and the observation over the run's figures that shows the answer.
 *
 * @param id    stable within the lesson, the same in every language
 * @param title a short name for the "Try it" card, in the lesson's language
 * @param why   one sentence, shown after the run, on why the run came out as it did (null when the lesson gives none)
 */
public record Experiment(String id, String title, Preset preset, Prediction prediction, Observation observation, String why) {

    public Experiment(String id, String title, Preset preset, Prediction prediction, Observation observation) {
        this(id, title, preset, prediction, observation, null);
    }

    /**
     * What must be the same in every language: the id, the preset, the observation and which
     * choice is right (the question's words are translated).
     */
    public List<String> signature() {
        List<String> out = new java.util.ArrayList<>();
        out.add("id: " + id);
        out.addAll(preset.describe());
        out.add("choices: " + prediction.choices().size());
        out.add("answer: " + (prediction.answer() + 1));
        out.add("observe: " + observation.source());
        return out;
    }
}
