package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.ui.comparison.ComparedLatencyChart;
import io.connlab.ui.comparison.ComparedTable;
import io.connlab.ui.comparison.ComparisonView;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.RunComparison;
import io.connlab.ui.toolbar.RunControlModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Save ▾ → Compare two saved runs…" with the two paths given where the file chooser would
 * (headless Monocle cannot show one): both runs in the table and the charts, a lane one run
 * lacks, the way back, and each kind of bad input answered in words.
 */
@ExtendWith(ApplicationExtension.class)
class CompareTwoSavedRunsTest extends OnDemoWindow {
    private static final Path DIR = Path.of("src/test/resources/io/connlab/ui/compare");
    private static final Path A = DIR.resolve("mock.json");
    private static final Path B = DIR.resolve("mock-rtt40.json");

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @AfterEach
    void closeDialogs() {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() != null)
                .toList().forEach(w -> ((Stage) w).close()));
    }

    private void compare(FxRobot robot, Path... files) {
        robot.interact(() -> window.comparisonMode().compare(List.of(files)));
    }

    private void compared(FxRobot robot) {
        compare(robot, A, B);
        await().atMost(Duration.ofSeconds(10)).until(() -> window.comparisonMode().shownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String cell(ComparedTable t, String columnId, String rowLabel) {
        TableColumn<RunComparison.Row, ?> col = t.getColumns().stream().flatMap(c -> c.getColumns().stream())
                .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow(() -> new AssertionError(columnId));
        RunComparison.Row row = t.getItems().stream().filter(r -> r.label().equals(rowLabel)).findFirst().orElseThrow();
        return String.valueOf(col.getCellData(row));
    }

    @Test
    void theSaveMenuOffersItUnderTheNameLessonSevenUses(FxRobot robot) {
        MenuButton save = robot.lookup("#save").queryAs(MenuButton.class);
        assertTrue(save.getItems().stream().anyMatch(i -> "compare-runs".equals(i.getId())
                && "Compare two saved runs…".equals(i.getText())));
    }

    @Test
    void bothRunsShowLaneByLaneInTheTableAndTheCharts(FxRobot robot) {
        compared(robot);
        ComparedTable table = robot.lookup("#compared-table").queryAs(ComparedTable.class);
        assertEquals("11 ms", cell(table, "compared-websocket-a", "p50"));
        assertEquals("55 ms", cell(table, "compared-websocket-b", "p50"));
        assertEquals("×5.2", cell(table, "compared-websocket-b", "p50" + RunComparison.RATIO_SUFFIX));
        assertEquals("A: mock", table.getColumns().get(1).getColumns().get(0).getText());
        assertEquals("B: mock-rtt40", table.getColumns().get(1).getColumns().get(1).getText());
        // short poll ran only in A, the pooled lane only in B
        assertEquals(I18n.t("compare.notInRun"), cell(table, "compared-short-poll-b", "p50"));
        assertEquals(I18n.t("compare.notInRun"), cell(table, "compared-pooled-a", "delivered"));
        assertTrue(robot.lookup("#compared-table").queryAs(Node.class).isVisible(), "the comparison tab is the one shown");

        ComparisonView view = robot.lookup("#comparison-view").queryAs(ComparisonView.class);
        assertEquals(4, view.charts().size());
        ComparedLatencyChart ws = robot.lookup("#compared-chart-websocket").queryAs(ComparedLatencyChart.class);
        assertEquals(2, ws.lines(), "A solid, B dashed");
        assertEquals(List.of("A: mock", "B: mock-rtt40"), ws.series().stream().map(ComparedLatencyChart.Series::name).toList());
        ComparedLatencyChart shortPoll = robot.lookup("#compared-chart-short-poll").queryAs(ComparedLatencyChart.class);
        assertEquals(1, shortPoll.lines());
        assertTrue(shortPoll.series().get(1).latency().isEmpty(), "B has no short poll");
        assertTrue(robot.lookup("#compare-heading-a").queryAs(Label.class).getText().startsWith("A: mock.json · Bundled mock · "));
        assertTrue(robot.lookup("#compare-note").queryAs(Label.class).getText().contains("different settings"));
        assertTrue(robot.lookup("#lanes-scroll").tryQuery().isEmpty(), "the live lanes make way");
    }

    @Test
    void backToLiveViewAndStartingARunBothLeaveTheComparison(FxRobot robot) {
        compared(robot);
        robot.clickOn("#compare-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#comparison-view").tryQuery().isEmpty());
        assertTrue(robot.lookup("#lanes-scroll").tryQuery().isPresent());
        assertTrue(robot.lookup("#comparison").tryQuery().isPresent(), "the live table is back");

        compared(robot);
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#comparison-view").tryQuery().isEmpty());
        assertEquals(null, window.comparisonMode().shownProperty().get());
        await().atMost(Duration.ofSeconds(5)).until(() -> window.runControl().clickWouldStop(System.nanoTime())); // past the double-click guard
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.IDLE);
    }

    @Test
    void theSameFileTwiceIsComparedAndSaidToBeTheSame(FxRobot robot) {
        compare(robot, A, A);
        await().atMost(Duration.ofSeconds(10)).until(() -> window.comparisonMode().shownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(I18n.t("compare.sameFile"), robot.lookup("#compare-note").queryAs(Label.class).getText());
    }

    @Test
    void eachKindOfBadInputGetsItsSentenceAndTheLabStaysLive(FxRobot robot) throws Exception {
        String run = Files.readString(A);
        refused(robot, I18n.t("compare.needTwo"), A);
        refused(robot, I18n.t("compare.tooMany", 3), A, B, A);
        refused(robot, I18n.t("compare.notJson", "notes.json"), A, Files.writeString(dir.resolve("notes.json"), "not { json"));
        refused(robot, I18n.t("compare.otherShape", "profile.json"),
                Files.writeString(dir.resolve("profile.json"), "{\"name\": \"class\", \"websocketUrl\": \"ws://x\"}"), B);
        refused(robot, I18n.t("compare.newerFormat", "future.json", 2, 1), A,
                Files.writeString(dir.resolve("future.json"), run.replace("\"format\" : 1", "\"format\" : 2")));
        refused(robot, I18n.t("compare.olderFormat", "ancient.json", 0, 1), A,
                Files.writeString(dir.resolve("ancient.json"), run.replace("\"format\" : 1", "\"format\" : 0")));
        refused(robot, I18n.t("compare.missing", "gone.json"), A, dir.resolve("gone.json"));
    }

    private void refused(FxRobot robot, String sentence, Path... files) {
        closeDialogs();
        compare(robot, files);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentence.equals(window.comparisonMode().problemProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup("#compare-problem").queryAs(javafx.scene.control.DialogPane.class);
        assertEquals(sentence, dialog.getContentText());
        assertTrue(dialog.getScene().getWindow().isShowing(), "the dialog is shown");
        assertFalse(window.comparisonMode().shownProperty().get() != null, "nothing is compared");
        assertTrue(robot.lookup("#lanes-scroll").tryQuery().isPresent());
    }
}
