package io.connlab.lesson;

import io.connlab.app.MockExperimentBackend;
import io.connlab.metrics.LaneSnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every experiment of every lesson runs headless on the bundled mock, and its observation
 * holds: what the lesson promises a student will see, they see. The languages share their
 * experiments (LessonFilesTest), so the English ones stand for both. Presets keep each run to
 * a few seconds (time scales where a timeout must pass), so the set takes about two minutes.
 */
class ExperimentsOnMockTest {

    @TestFactory
    List<DynamicTest> everyExperimentsObservationHoldsOnTheMock() {
        ExperimentRunner runner = new ExperimentRunner(MockExperimentBackend::start);
        List<DynamicTest> tests = new ArrayList<>();
        for (Lesson l : LessonLibrary.fromDirectory(LessonFilesTest.ROOT, "en").lessons()) {
            for (Experiment e : l.experiments()) {
                tests.add(DynamicTest.dynamicTest(l.id() + ": " + e.id(), () -> {
                    ExperimentResult r = runner.run(e, line -> { });
                    assertNull(r.failure(), () -> l.id() + "/" + e.id() + " did not run: " + r.failure());
                    assertTrue(r.held(), () -> l.id() + "/" + e.id() + ": " + e.observation() + " did not hold: "
                            + r.figuresText() + (r.outcome().problem() == null ? "" : " (" + r.outcome().problem() + ")")
                            + "; faults " + r.log() + "; lanes " + describe(r));
                    for (TimedFault f : e.preset().faults()) {
                        assertTrue(r.log().stream().anyMatch(s -> s.startsWith(f.toString()) && !s.contains("failed")),
                                () -> f + " was not played: " + r.log());
                    }
                }));
            }
        }
        return tests;
    }

    private static String describe(ExperimentResult r) {
        return r.lanes().values().stream().map(ExperimentsOnMockTest::describe).collect(Collectors.joining("; "));
    }

    private static String describe(LaneSnapshot s) {
        return s.lane() + ": delivered " + s.delivered() + ", lost " + s.lost() + ", requests " + s.requests()
                + ", closes " + s.closesByCode() + ", status " + s.responsesByStatus() + ", errors " + s.errorsByKind()
                + ", p50 " + s.headlineLatency().p50() + ", invocations " + s.pool().invocations() + ", cold " + s.pool().coldStarts();
    }
}
