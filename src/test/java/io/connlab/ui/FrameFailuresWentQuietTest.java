package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.ui.model.IdleEngine;
import io.connlab.ui.model.LaneFeed;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Bug (issue 7): when a frame or the figures refresher threw, the window logged it once and
 * went quietly still. Now the status line says so, and says it again while it lasts.
 */
@ExtendWith(ApplicationExtension.class)
class FrameFailuresWentQuietTest {

    /** An engine whose lanes cannot be read, or whose figures stopped; switched by the test. */
    private static final class BrokenEngine extends IdleEngine {
        volatile boolean lanesThrow;
        volatile String problem;

        @Override
        public LaneFeed lane(Technique kind) {
            if (lanesThrow) throw new IllegalStateException("lane figures are corrupt");
            return LaneFeed.idle();
        }

        @Override
        public Optional<String> problem() {
            return Optional.ofNullable(problem);
        }
    }

    private final BrokenEngine engine = new BrokenEngine();
    private ExecutorService background;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        window = new LabWindow(engine, new UiPreferences(new MemoryPreferences()), background, background);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        background.shutdownNow();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }

    @Test
    void aFrameThatThrowsIsSaidInTheStatusLine(FxRobot robot) {
        engine.lanesThrow = true;
        await().atMost(Duration.ofSeconds(10)).until(() -> status(robot).equals(
                "The window could not draw a frame: lane figures are corrupt"));
    }

    @Test
    void figuresThatStoppedUpdatingAreSaidInTheStatusLine(FxRobot robot) {
        engine.problem = "snapshot failed";
        await().atMost(Duration.ofSeconds(10)).until(() -> status(robot).equals(
                "The figures stopped updating: snapshot failed"));
    }
}
