package io.connlab.app;

import io.connlab.app.engine.LabRuntime;
import io.connlab.metrics.Technique;
import io.connlab.ui.LabWindow;
import io.connlab.ui.UiPreferences;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.ToolbarModel;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student's path through an experiment, in the window on the real engine and bundled mock:
 * open the WebSocket lesson, answer "A message too big", press Try it; the toolbar shows the
 * preset, the run starts with it and its timed faults (a 40 KB then a 200 KB message), and
 * the card then shows the measured figures and that the prediction was right.
 */
@ExtendWith(ApplicationExtension.class)
class LessonExperimentInTheWindowTest {
    private ExecutorService background;
    private ExecutorService io;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        io = Executors.newCachedThreadPool();
        window = new LabWindow(new LabRuntime(), UiPreferences.inMemory(), background, io);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        background.shutdownNow();
        io.shutdownNow();
    }

    @Test
    void predictTryItAndSeeTheObservation(FxRobot robot) throws Exception {
        robot.interact(() -> assertTrue(window.lessonPane().open("websocket")));
        assertTrue(robot.lookup("#try-too-big").queryButton().isDisabled(), "Try it waits for a prediction");

        RadioButton onlyTheBigOne = robot.lookup("#experiment-too-big .experiment-choice").queryAllAs(RadioButton.class)
                .stream().skip(1).findFirst().orElseThrow();
        robot.interact(() -> onlyTheBigOne.setSelected(true));
        robot.interact(() -> robot.lookup("#try-too-big").queryButton().fire());

        ToolbarModel toolbar = window.toolbarModel();
        await().atMost(Duration.ofSeconds(30)).until(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING);
        assertEquals("5", toolbar.rateProperty().get());
        assertEquals("2", toolbar.clientsProperty().get());
        assertEquals("5 s", toolbar.durationProperty().get());
        assertEquals(Set.of(Technique.WEBSOCKET), toolbar.shownLanes());
        assertEquals(0, toolbar.rttMillisProperty().get());

        Label result = robot.lookup("#result-too-big").queryAs(Label.class);
        Label figures = robot.lookup("#figures-too-big").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(result.getStyleClass().contains("right"),
                result.getText() + " / " + figures.getText() + " / " + window.runControl().statusProperty().get()));
        String measured = WaitForAsyncUtils.asyncFx(figures::getText).get(10, TimeUnit.SECONDS);
        assertTrue(measured.contains("WebSocket: 1 closes with code 1009"), measured);
        assertTrue(measured.contains("WebSocket: 1 reconnects"), measured);
        String expressions = WaitForAsyncUtils.asyncFx(() -> figures.getTooltip().getText()).get(10, TimeUnit.SECONDS);
        assertTrue(expressions.contains("websocket.closes[1009] = 1"), "the check's own figures in the tooltip: " + expressions);
        String said = WaitForAsyncUtils.asyncFx(result::getText).get(10, TimeUnit.SECONDS);
        assertTrue(said.contains("up to 128 KB"), "the card says why after the run: " + said);
    }
}
