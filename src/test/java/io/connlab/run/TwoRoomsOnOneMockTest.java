package io.connlab.run;

import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two runs at once on one mock, through the real lanes and publishers: rooms keep their streams apart. */
class TwoRoomsOnOneMockTest {
    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    private static RunSettings workload(PublishPath publish, String room) {
        return MockRuns.settings(20, Duration.ofSeconds(2), 2, publish, Duration.ofMillis(200),
                Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL).withRoom(room);
    }

    private RunController[] runTogether(RunSettings a, RunSettings b) throws Exception {
        RunController first = new RunController(backend.profile(), a);
        RunController second = new RunController(backend.profile(), b);
        first.start();
        second.start();
        for (RunController run : new RunController[] {first, second}) {
            assertTrue(run.awaitEnd(MockRuns.RUN_BOUND), "the run ended");
            assertEquals(RunController.Phase.FINISHED, run.phase(), run::failure);
        }
        return new RunController[] {first, second};
    }

    @Test
    void runsInTwoRoomsSeeOnlyTheirOwnMessages() throws Exception {
        RunController[] runs = runTogether(workload(PublishPath.SNS, "class-a"), workload(PublishPath.WEBSOCKET, "class-b"));
        for (RunController run : runs) {
            for (Technique t : new Technique[] {Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL}) {
                LaneSnapshot s = MockRuns.last(run, t);
                assertEquals(0, s.foreign(), t + " in " + run.settings().room() + " saw the other room's messages");
                assertEquals(0, s.lost(), t + " lost none");
                assertTrue(s.delivered() > 0, t + " delivered its own");
            }
        }
    }

    @Test
    void runsInOneRoomDoSeeEachOthersMessages() throws Exception {
        RunController[] runs = runTogether(workload(PublishPath.SNS, "shared"), workload(PublishPath.SNS, "shared"));
        assertTrue(MockRuns.last(runs[0], Technique.WEBSOCKET).foreign() > 0
                || MockRuns.last(runs[1], Technique.WEBSOCKET).foreign() > 0, "a shared room mixes the two streams");
    }
}
