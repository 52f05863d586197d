package io.connlab.app;

import io.connlab.app.engine.LabRuntime;
import io.connlab.metrics.Technique;
import io.connlab.metrics.WireEvent;
import io.connlab.ui.LabWindow;
import io.connlab.ui.UiPreferences;
import io.connlab.ui.WindowPicture;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.LogLine;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault on the real bundled mock, in a window that speaks Chinese: its outcome in the status
 * line, its mark on the strips and the event lines are Chinese too (they are made below the
 * views, in app.engine, as Words). With {@code -Dconnlab.screenshot=FILE} it also saves a
 * picture of the window at that moment.
 */
@ExtendWith(ApplicationExtension.class)
class FaultOutcomeInChineseTest {
    private final String languageBefore = I18n.language();
    private ExecutorService background;
    private ExecutorService io;
    private LabWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) {
        I18n.use("zh");
        background = Executors.newSingleThreadExecutor();
        io = Executors.newCachedThreadPool();
        prefs = Preferences.userRoot().node("io/connlab/test/fault-in-chinese-" + System.nanoTime());
        window = new LabWindow(new LabRuntime(), new UiPreferences(prefs), background, io);
        window.show(stage);
        if (System.getProperty("connlab.screenshot") != null) {
            stage.setWidth(1600);
            stage.setHeight(1000);
        }
    }

    @AfterEach
    void closeAndForget() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        background.shutdownNow();
        io.shutdownNow();
        prefs.removeNode();
        I18n.use(languageBefore);
    }

    @Test
    void droppingEveryWebSocketIsToldInChinese(FxRobot robot) throws Exception {
        LabOnMockTest.runUntilEveryLaneDelivers(robot, window);

        robot.clickOn("后端");
        robot.clickOn("断开所有 WebSocket");
        Label status = robot.lookup("#status").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> status.getText().matches(
                "已断开 2 个 WebSocket：\\d+\\.\\d 秒内有 2 个重新连上，丢了 \\d+ 条消息"));
        assertTrue(window.column(Technique.LONG_POLL).strip().events().stream()
                .anyMatch(e -> e.kind() == WireEvent.Kind.MARK && "断开所有 WebSocket".equals(e.label())), "the mark on the strips");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            javafx.scene.control.ListView<LogLine> events = robot.lookup("#backend-events").queryListView();
            var lines = events.getItems().stream().map(LogLine::shown).toList();
            assertTrue(lines.contains("后端：断开所有 WebSocket"), "the fault in the events: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WebSocket：关闭 10")), "a close in the events: " + lines);
        });

        String picture = System.getProperty("connlab.screenshot");
        if (picture != null) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> {
                WindowPicture.of(status.getScene()).save(Path.of(picture));
                return null;
            }).get(20, TimeUnit.SECONDS);
        }
    }
}
