package io.connlab.ui;

import io.connlab.ui.toolbar.RunControlModel;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving results waits for the run's end: JSON and CSV are disabled while a run goes; the picture is not. The window shows bench's footnote. */
@ExtendWith(ApplicationExtension.class)
class SaveDuringARunTest extends OnDemoWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static MenuItem item(MenuButton save, String id) {
        return save.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void resultsCannotBeSavedDuringARunAndCanAfterIt(FxRobot robot) {
        MenuButton save = robot.lookup("#save").queryAs(MenuButton.class);
        assertFalse(item(save, "save-json").isDisable());
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(item(save, "save-json").isDisable());
        assertTrue(item(save, "save-csv").isDisable());
        assertFalse(save.getItems().get(2).isDisable(), "a picture can be taken any time");
        await().atMost(Duration.ofSeconds(5)).until(() -> window.runControl().clickWouldStop(System.nanoTime())); // past the double-click guard
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item(save, "save-json").isDisable());
        assertFalse(item(save, "save-csv").isDisable());
    }

    @Test
    void theCostFootnoteIsShownAsBenchPrintsIt(FxRobot robot) {
        String footnote = robot.lookup("#comparison-footnote").queryAs(Label.class).getText();
        assertTrue(footnote.contains("$ per M: estimate from AWS") && footnote.contains("list prices checked"), footnote);
    }
}
