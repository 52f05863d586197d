package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.fixtures.InProcessMock;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a run ends when it cannot start, and when the user stops it: clearly, and with nothing left running. */
class RunLifecycleTest {

    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    @Test
    void anUnreachableBackendFailsAtStartWithAMessageNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "127.0.0.1:" + port;
        EndpointProfile closed = new EndpointProfile("nothing here", EndpointProfile.Kind.MOCK, "ws://" + base + "/dev",
                null, "http://" + base + "/dev/poll", "http://" + base + "/", "arn:aws:sns:us-east-1:000000000000:connlab",
                "us-east-1", "http://" + base + "/dev/invoke", null, null);
        Set<String> before = MockRuns.runThreads();
        RunSettings settings = RunSettings.defaults().withDuration(Duration.ofSeconds(5)).withClients(2)
                .withLanes(EnumSet.allOf(Technique.class));

        RunController run = new RunController(closed, settings);
        // a refused port answers at once; the bound only keeps a regression from hanging the build
        RunException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(RunException.class, run::start));

        // it names the first endpoint it could not reach, whichever lane's that is
        assertTrue(Stream.of(closed.websocketUrl(), closed.pollUrl(), closed.invokeUrl(), closed.snsEndpoint())
                .anyMatch(url -> e.getMessage().contains(" at " + url + " ")), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot reach the backend"), e.getMessage());
        assertEquals(RunController.Phase.FAILED, run.phase());
        assertEquals(e.getMessage(), run.failure());
        assertTrue(run.awaitEnd(Duration.ZERO), "a failed run has ended");
        assertNotNull(run.finalSnapshots());
        run.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> before.containsAll(MockRuns.runThreads()));
    }

    @Test
    void aPauseInPublishingPublishesNothingForItsLengthThenGoesOnAtTheRate() throws Exception {
        RunSettings settings = MockRuns.settings(20, Duration.ofMinutes(1), 1, PublishPath.SNS,
                Duration.ofMillis(200), Technique.WEBSOCKET);
        try (RunController run = new RunController(backend.profile(), settings)) {
            run.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> run.published() >= 5);

            run.pausePublishing(Duration.ofSeconds(2));
            long atPause = run.published();

            // 20 a second would add 16 in 0.8 s; a tick already under way may still add one
            await().during(Duration.ofMillis(800)).atMost(Duration.ofMillis(1500)).until(() -> run.published() <= atPause + 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> run.published() > atPause + 5);
            assertEquals(RunController.Phase.RUNNING, run.phase());
        }
    }

    @Test
    void stopDuringARunEndsItAsStoppedWithNoLaneThreadsLeft() throws Exception {
        EndpointProfile profile = backend.profile();
        Set<String> before = MockRuns.runThreads();
        RunSettings settings = MockRuns.settings(20, Duration.ofMinutes(5), 2, PublishPath.SNS,
                Duration.ofMillis(200), Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL,
                Technique.POOL_POOLED, Technique.POOL_UNPOOLED);
        RunController run = new RunController(profile, settings);
        run.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> run.lanes().stream()
                .allMatch(l -> l.snapshot().deliveredOrInvoked() > 0));
        Set<String> during = new HashSet<>(MockRuns.runThreads());
        during.removeAll(before);
        assertTrue(during.stream().anyMatch(n -> n.startsWith("connlab-websocket")), "lane threads while running: " + during);

        assertTimeoutPreemptively(Duration.ofSeconds(10), run::stop);

        assertEquals(RunController.Phase.STOPPED, run.phase());
        assertTrue(run.awaitEnd(Duration.ZERO));
        assertNotNull(run.finalSnapshots());
        assertNotNull(run.endedAt());
        run.stop(); // idempotent
        run.close();
        assertEquals(RunController.Phase.STOPPED, run.phase());
        // The run object is still referenced here, as a window keeps the last run to show it.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            System.gc(); // see MockRuns.runThreads
            Set<String> left = new HashSet<>(MockRuns.runThreads());
            left.removeAll(before);
            assertEquals(Set.of(), left, "threads of the run still alive");
        });
    }
}
