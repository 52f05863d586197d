package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.ui.lanes.LaneColumn;
import io.connlab.ui.model.FrameStats;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.ToolbarModel;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The window as a user meets it, headless (Monocle), on the demo feed. */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest extends OnDemoWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theWindowShowsTheFiveLaneColumnsAndOffersTheProxy(FxRobot robot) {
        assertFalse(robot.lookup("#lane-proxy").queryAs(LaneColumn.class).isVisible(), "the proxy lane is off until asked for");
        assertTrue(robot.lookup("#show-proxy").tryQuery().isPresent(), "the toolbar offers the proxy lane");
        for (Technique k : window.toolbarModel().shownLanes()) {
            LaneColumn c = robot.lookup("#lane-" + k.id()).queryAs(LaneColumn.class);
            assertTrue(c.isVisible(), k.label());
            assertTrue(c.getWidth() > 50, k.label() + " has room");
            assertEquals(k.label(), ((Label) c.lookup(".lane-title")).getText());
        }
        assertTrue(robot.lookup("#lesson").tryQuery().isPresent());
        assertTrue(robot.lookup("#comparison").tryQuery().isPresent());
    }

    @Test
    void aBadRateIsRefusedAtTheFieldAndAGoodOneClearsIt(FxRobot robot) {
        Label message = robot.lookup("#rate-message").queryAs(Label.class);
        assertFalse(message.isVisible());
        robot.clickOn("#rate").push(KeyCode.END).eraseText(6).write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message.isVisible());
        assertEquals("rate must be a whole number of messages a second, 1..10000", message.getText());
        assertTrue(robot.lookup("#rate").query().getPseudoClassStates().toString().contains("danger"));

        robot.clickOn("#start");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunControlModel.Activity.IDLE, window.runControl().activity());
        assertEquals(0, engine.starts.get());
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("fix the field"));

        robot.clickOn("#rate").push(KeyCode.END).eraseText(6).write("50");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(message.isVisible());
        assertFalse(robot.lookup("#rate").query().getPseudoClassStates().toString().contains("danger"));
    }

    @Test
    void theSettingsPopoverOffersTheRoomAndRefusesABadName(FxRobot robot) {
        robot.clickOn("#more-settings");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField room = robot.lookup("#room").queryAs(javafx.scene.control.TextField.class);
        assertEquals(io.connlab.run.Room.own(), room.getPromptText(), "empty: the run's own room, named greyed");
        assertEquals(io.connlab.run.Room.own(), window.toolbarModel().settings().orElseThrow().room());
        robot.clickOn("#room").write("class 7");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#room-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals("a room name is 1..64 of A-Z a-z 0-9 _ -", message.getText());
        assertTrue(robot.lookup("#more-settings").query().getPseudoClassStates().toString().contains("danger"),
                "the gear turns red while a setting inside is bad");
        assertFalse(window.toolbarModel().isValid());
        robot.push(KeyCode.END).eraseText(2).write("-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(message.isVisible());
        assertEquals("class-7", window.toolbarModel().settings().orElseThrow().room());
        robot.clickOn("#more-settings");
    }

    @Test
    void aPlusGrowsTheWholeWindowsType(FxRobot robot) {
        Label title = robot.lookup("#lane-websocket .lane-title").queryAs(Label.class);
        double before = title.getFont().getSize();
        robot.clickOn("#font-bigger").clickOn("#font-bigger");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(title.getFont().getSize() > before, before + " -> " + title.getFont().getSize());
        assertTrue(window.root().getStyle().contains("20px"));
        robot.clickOn("#font-smaller");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.root().getStyle().contains("18px"));
    }

    @Test
    void theThemeToggles(FxRobot robot) {
        String light = Application.getUserAgentStylesheet();
        robot.clickOn("#theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.appearance().themeProperty().get().isDark());
        assertNotEquals(light, Application.getUserAgentStylesheet());
        assertTrue(window.root().getStyleClass().contains("dark"));
        robot.clickOn("#theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(light, Application.getUserAgentStylesheet());
        assertFalse(window.root().getStyleClass().contains("dark"));
    }

    @Test
    void hidingALaneHidesItsColumnAndItsTableColumn(FxRobot robot) {
        LaneColumn shortPoll = window.column(Technique.SHORT_POLL);
        TableColumn<?, ?> tableColumn = window.comparisonTable().getColumns().stream()
                .filter(c -> "comparison-short-poll".equals(c.getId())).findFirst().orElseThrow();
        robot.clickOn("#hide-short-poll");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shortPoll.isVisible());
        assertFalse(shortPoll.isManaged());
        assertFalse(tableColumn.isVisible());
        assertFalse(window.toolbarModel().shownLanes().contains(Technique.SHORT_POLL));
        robot.clickOn("#show-short-poll");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shortPoll.isVisible());
        assertTrue(tableColumn.isVisible());
    }

    @Test
    void aShortRunMakesEveryLaneCountAndFillsTheTableThenStops(FxRobot robot) {
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING);
        assertEquals(1, engine.starts.get());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Technique k : window.toolbarModel().shownLanes()) {
                assertTrue(window.column(k).figures().delivered() > 0, k.label());
            }
            var rows = window.comparisonTable().rows();
            assertFalse(rows.isEmpty());
            assertNotEquals("0", rows.get(0).cell(Technique.WEBSOCKET));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> window.runControl().clickWouldStop(System.nanoTime())); // past the double-click guard
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.IDLE);
        assertEquals(1, engine.stops.get());
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("demo-feed") && t.isAlive()));
    }

    @Test
    void theBackendTabListsConnections(FxRobot robot) {
        robot.clickOn("Backend");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#connections").queryTableView().getItems().size() == 2);
        // the rows' buttons come with the table's next layout pass, after its items
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("Send to this one").tryQuery().isPresent());
    }

    @Test
    void theFrameLoopMeasuresItsOwnWorkAndStartsAfreshWhenReset() {
        await().atMost(Duration.ofSeconds(10)).until(() -> window.frameStats().pulses() >= 10);
        long before = System.nanoTime();
        window.resetFrameStats();
        FrameStats fresh = window.frameStats();
        assertTrue(fresh.pulses() < 10, "reset: " + fresh.pulses());
        await().atMost(Duration.ofSeconds(10)).until(() -> window.frameStats().pulses() >= 3);
        FrameStats s = window.frameStats();
        double sinceResetMs = (System.nanoTime() - before) / 1e6;
        // each frame reads the engine and paints five strips: measurable work, never more than the time that passed
        assertTrue(s.handlerMaxMs() > 0, "a frame's own time was measured: " + s.handlerMaxMs());
        assertTrue(s.spanMs() > 0 && s.spanMs() <= sinceResetMs, s.spanMs() + " ms of pulses in " + sinceResetMs + " ms");
        assertTrue(s.intervalP50Ms() > 0, "pulses are spaced: " + s.intervalP50Ms());
    }

    @Test
    void aPictureOfTheWindowIsAPng(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir, FxRobot robot) throws Exception {
        var picture = WaitForAsyncUtils.asyncFx(() -> WindowPicture.of(window.root().getScene())).get(10, TimeUnit.SECONDS);
        java.nio.file.Path png = dir.resolve("window.png");
        picture.save(png);
        byte[] head = java.nio.file.Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        assertTrue(picture.width() > 100);
    }
}
