package io.connlab.lesson;

import java.util.List;

/**
 * The multiple-choice question a student answers before the run. {@code answer} is the index
 * (from 0) of the choice the observation checks: when the observation holds, that choice was right.
 */
public record Prediction(String question, List<String> choices, int answer) {
    public Prediction {
        if (question == null || question.isBlank()) throw new IllegalArgumentException("an experiment needs a question");
        choices = List.copyOf(choices);
        if (choices.size() < 2) throw new IllegalArgumentException("a question needs at least two choices");
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer must be 1.." + choices.size() + ", got " + (answer + 1));
        }
    }

    public boolean isRight(int choice) {
        return choice == answer;
    }
}
