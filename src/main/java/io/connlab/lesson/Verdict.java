package io.connlab.lesson;

/**
 * What a student's prediction came to after the run: the observation held and they chose the
 * answer it checks (RIGHT) or another (WRONG); or the run did not show it (NOT_SHOWN: the
 * observation did not hold, or could not be judged), when the figures, not the answer, are the lesson.
 */
public enum Verdict {
    RIGHT, WRONG, NOT_SHOWN;

    /** The verdict for {@code choice} (from 0) given the run's {@code outcome} (null when the run failed). */
    public static Verdict of(Prediction prediction, int choice, Observation.Outcome outcome) {
        if (outcome == null || !outcome.held() || outcome.problem() != null) return NOT_SHOWN;
        return prediction.isRight(choice) ? RIGHT : WRONG;
    }
}
