package io.connlab.ui;

import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bug (issue 7): lab.css set {@code -fx-pref-column-count: 5} on every toolbar field, which
 * overrode the widths the toolbar sets in code (since issue 9, for two rows at a projector:
 * rate 3, size 4, duration 4, clients 3).
 */
@ExtendWith(ApplicationExtension.class)
class ToolbarWidthsWereOverriddenByCssTest {
    private ExecutorService background;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        window = new LabWindow(new DemoFeed(), new UiPreferences(new MemoryPreferences()), background, background);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        background.shutdownNow();
    }

    @Test
    void eachFieldKeepsTheWidthTheToolbarGaveIt(FxRobot robot) {
        robot.clickOn("#more-settings"); // the payload size is among the settings behind the gear
        WaitForAsyncUtils.waitForFxEvents();
        TextField payload = robot.lookup("#payload").queryAs(TextField.class);
        TextField clients = robot.lookup("#clients").queryAs(TextField.class);
        assertEquals(4, payload.getPrefColumnCount());
        assertEquals(3, clients.getPrefColumnCount());
        assertTrue(payload.getWidth() > clients.getWidth(), payload.getWidth() + " vs " + clients.getWidth());
    }
}
