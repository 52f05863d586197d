package io.connlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A tab's content joins the scene on the tab's first selection, not in the first frame (issue 23). */
@ExtendWith(ApplicationExtension.class)
class ShownOnceTest {
    // made in start(): a control's class needs the FX toolkit, which starts after the test's constructor
    private Label later;
    private Label now;
    private Tab second;
    private Tab first;

    @Start
    void start(Stage stage) {
        later = new Label("backend");
        now = new Label("comparison");
        second = new Tab("Backend");
        first = new Tab("Comparison");
        TabPane tabs = new TabPane(first, second);
        ShownOnce.content(first, now);
        ShownOnce.content(second, later);
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    @Test
    void theSelectedTabHasItsContentAtOnceTheOtherOnItsFirstSelection(FxRobot robot) {
        assertSame(now, first.getContent());
        assertNotNull(now.getScene(), "the shown tab's content is in the scene");
        assertNull(second.getContent());
        assertNull(later.getScene(), "no CSS or layout for a tab nobody opened");

        robot.clickOn("Backend");
        assertSame(later, second.getContent());
        assertNotNull(later.getScene());
        assertNotNull(later.getSkin(), "styled and skinned once shown");

        robot.clickOn("Comparison");
        robot.clickOn("Backend");
        assertSame(later, second.getContent(), "set once, kept");
    }
}
