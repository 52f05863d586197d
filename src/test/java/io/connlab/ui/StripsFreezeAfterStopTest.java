package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.ui.canvas.SequenceStrip;
import io.connlab.ui.toolbar.RunControlModel;
import javafx.scene.input.ScrollEvent;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After Stop the strips hold the run's last window (they do not scroll on into emptiness) and scroll back through the run. */
@ExtendWith(ApplicationExtension.class)
class StripsFreezeAfterStopTest extends OnDemoWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theStripsFreezeOnTheLastWindowAndScrollBack(FxRobot robot) throws Exception {
        SequenceStrip strip = window.column(Technique.WEBSOCKET).strip();
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING);
        // let the run go for more than one strip's window, so there is something to scroll back to
        long began = strip.shownMicros();
        await().atMost(Duration.ofSeconds(20)).until(() -> strip.shownMicros() - began > SequenceStrip.WINDOW_MICROS + 1_000_000);
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.runControl().activity() == RunControlModel.Activity.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        long frozen = strip.shownMicros();
        long pulses = window.frameStats().pulses();
        await().atMost(Duration.ofSeconds(10)).until(() -> window.frameStats().pulses() > pulses + 20);
        assertEquals(frozen, strip.shownMicros(), "the strip still shows the run's last moment");
        assertTrue(strip.caption().contains("run over"), strip.caption());

        // a scroll on the strip moves back through the run
        WaitForAsyncUtils.asyncFx(() -> strip.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10,
                false, false, false, false, false, false, 0, 200, 0, 200, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null))).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> strip.shownMicros() < frozen);
        assertTrue(strip.caption().contains("s back"), strip.caption());
    }
}
