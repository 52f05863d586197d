package io.connlab.ui.toolbar;

import io.connlab.metrics.Technique;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.model.LaneFeed;
import io.connlab.ui.model.NetworkSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static io.connlab.ui.toolbar.RunControlModel.Activity.*;
import static org.junit.jupiter.api.Assertions.*;

/** Start, stop and live changes with same-thread executors: every step happens at once. */
class RunControlModelTest {

    static class FakeEngine implements LabEngine {
        final List<String> calls = new ArrayList<>();
        volatile boolean running;
        RuntimeException failStart;

        @Override
        public void start(RunSettings settings, NetworkSettings network) {
            calls.add("start " + settings.ratePerSecond() + " rtt " + network.rttMillis());
            if (failStart != null) throw failStart;
            running = true;
        }

        @Override
        public void stop() {
            calls.add("stop");
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void applyNetwork(NetworkSettings network) {
            calls.add("network " + network.rttMillis());
        }

        @Override
        public void adjust(RunSettings settings) {
            calls.add("adjust " + settings.ratePerSecond());
        }

        @Override
        public void useBackend(BackendChoice choice) {
            calls.add("backend " + choice);
        }

        @Override
        public LaneFeed lane(Technique kind) {
            return LaneFeed.idle();
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private static final Executor NOW = Runnable::run;

    private final ToolbarModel toolbar = new ToolbarModel();
    private final FakeEngine engine = new FakeEngine();
    private final RunControlModel run = new RunControlModel(toolbar, engine, NOW, NOW);

    @Test
    void aBadFieldRefusesStartAndTheEngineIsNotCalled() {
        toolbar.rateProperty().set("0");
        assertFalse(run.start());
        assertEquals(IDLE, run.activity());
        assertTrue(engine.calls.isEmpty());
        assertTrue(run.statusProperty().get().contains("fix the field"));
        toolbar.rateProperty().set("30");
        assertTrue(run.start());
        assertEquals(RUNNING, run.activity());
        assertEquals(List.of("start 30 rtt 100"), engine.calls);
    }

    @Test
    void stopReturnsToIdleAndASecondStartIsRefusedWhileRunning() {
        run.start();
        assertFalse(run.start());
        run.toggle();
        assertEquals(IDLE, run.activity());
        assertEquals(List.of("start 1 rtt 100", "stop"), engine.calls);
        run.stop();
        assertEquals(2, engine.calls.size());
    }

    @Test
    void anEngineThatFailsToStartLeavesTheWindowIdleWithTheReason() {
        engine.failStart = new IllegalStateException("port 8080 in use");
        assertTrue(run.start());
        assertEquals(IDLE, run.activity());
        assertEquals("Could not start: port 8080 in use", run.statusProperty().get());
    }

    @Test
    void aRunThatEndsByItselfIsNoticedOnTheNextFrame() {
        run.start();
        run.poll();
        assertEquals(RUNNING, run.activity());
        engine.running = false;
        run.poll();
        assertEquals(IDLE, run.activity());
        assertEquals("Run finished.", run.statusProperty().get());
    }

    @Test
    void changesDuringARunReachTheEngineAndBadOnesDoNot() {
        toolbar.rttMillisProperty().set(100);
        assertFalse(engine.calls.contains("network 100"), "no run yet");
        run.start();
        toolbar.rttMillisProperty().set(120);
        toolbar.rateProperty().set("60");
        toolbar.rateProperty().set("0");
        assertTrue(engine.calls.contains("network 120"));
        assertTrue(engine.calls.contains("adjust 60"));
        assertEquals(1, engine.calls.stream().filter(c -> c.startsWith("adjust")).count());
    }

    @Test
    void aFailingJobIsReportedNotThrown() {
        run.perform("Restart backend", () -> {
            throw new java.io.IOException("connection refused");
        });
        assertEquals("Restart backend failed: connection refused", run.statusProperty().get());
        run.perform("Drop every WebSocket", () -> { });
        assertEquals("Drop every WebSocket: done.", run.statusProperty().get());
    }

    @Test
    void switchingBackendStopsTheRunAndShutdownClosesTheEngine() throws Exception {
        run.start();
        toolbar.backendProperty().set(BackendChoice.profile(java.nio.file.Path.of("stack.json")));
        assertEquals(IDLE, run.activity());
        assertTrue(engine.calls.contains("stop"));
        assertTrue(engine.calls.contains("backend stack.json"));
        run.shutdown().get();
        assertEquals("close", engine.calls.get(engine.calls.size() - 1));
    }

    @Test
    void aDoubleClickOnStartStartsOnceAndDoesNotStop() {
        long t = 1_000_000_000_000L;
        run.click(t);
        run.click(t + 250_000_000L); // the second half of a double-click
        assertEquals(RUNNING, run.activity());
        assertEquals(List.of("start 1 rtt 100"), engine.calls);
        run.click(t + 2_000_000_000L); // a deliberate Stop later
        assertEquals(IDLE, run.activity());
        assertEquals(List.of("start 1 rtt 100", "stop"), engine.calls);
    }

    @Test
    void aLessonPresetIsForItsExperimentOnlyAndBackToMySettingsRestoresTheUsersValues() throws Exception {
        toolbar.rateProperty().set("7");
        toolbar.rttMillisProperty().set(250);
        toolbar.timeScaleProperty().set(10);
        toolbar.shownProperty(Technique.WEBSOCKET).set(false);
        ToolbarModel.Values mine = toolbar.values();
        io.connlab.lesson.Experiment heartbeat = io.connlab.lesson.LessonLibrary.fromClasspath("en").lesson("websocket")
                .experiment("heartbeat");
        List<String> heard = new ArrayList<>();
        RunControlModel lesson = new RunControlModel(toolbar, new FakeEngine() {
            @Override
            public void startExperiment(RunSettings s, NetworkSettings n, io.connlab.lesson.Preset p) {
                heard.add("experiment heartbeat " + s.heartbeatInterval().toSeconds() + " s, scale " + n.timeScale());
                running = true;
            }
        }, NOW, NOW);

        assertTrue(lesson.startExperiment(heartbeat));
        assertEquals(List.of("experiment heartbeat 1 s, scale 240"), heard); // lesson 2's heartbeat card (heartbeat: 1 s, time-scale: 240)
        assertEquals(heartbeat.title(), toolbar.presetProperty().get());
        assertEquals("4", toolbar.rateProperty().get());
        assertEquals(mine, toolbar.userValues(), "what the preferences keep is the user's own");

        lesson.stop();
        toolbar.backToMine();
        assertEquals(mine, toolbar.values());
        assertNull(toolbar.presetProperty().get());
        assertEquals(java.util.Optional.of(java.time.Duration.ofMinutes(5)), toolbar.settings().map(RunSettings::heartbeatInterval));
    }
}
