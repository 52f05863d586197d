package io.connlab.ui.canvas;

import atlantafx.base.theme.PrimerLight;
import io.connlab.metrics.Clock;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.metrics.WireEvent;
import io.connlab.ui.model.PoolFigures;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canvas painters paint into a real Canvas (headless, Monocle); the tests look at its pixels. */
@ExtendWith(ApplicationExtension.class)
class CanvasPaintersTest {
    private Palette palette;
    private SequenceStrip strip;
    private PoolPicture picture;
    private LatencyChart chart;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Locale before = Locale.getDefault();
        // "WARNING".toLowerCase() is "warnıng" in Turkish: the swatch class must not depend on the locale
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            palette = new Palette();
        } finally {
            Locale.setDefault(before);
        }
        strip = new SequenceStrip(palette, Technique.WEBSOCKET);
        picture = new PoolPicture(palette, Technique.POOL_UNPOOLED);
        chart = new LatencyChart(palette, Technique.LONG_POLL);
        for (CanvasView v : List.of(strip, picture, chart)) {
            v.setMinSize(400, 150);
            v.setPrefSize(400, 150);
        }
        StackPane root = new StackPane(new VBox(strip, picture, chart), palette.node());
        root.getStylesheets().add(CanvasView.class.getResource("/io/connlab/ui/lab.css").toExternalForm());
        stage.setScene(new Scene(root, 420, 480));
        stage.show();
    }

    private static <T> T onFx(Callable<T> job) throws Exception {
        return WaitForAsyncUtils.asyncFx(job).get(10, TimeUnit.SECONDS);
    }

    /** Pixels of the view's canvas within a small distance of {@code colour}. */
    private static int pixelsOf(CanvasView view, Color colour) throws Exception {
        WritableImage image = onFx(() -> view.canvas().snapshot(null, null));
        PixelReader r = image.getPixelReader();
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue()) < 0.15 && c.getOpacity() > 0.9) n++;
            }
        }
        return n;
    }

    @Test
    void coldContainersArePaintedInTheWarningColourUnderATurkishLocaleToo() throws Exception {
        Color warning = onFx(() -> palette.color(Palette.Role.WARNING));
        assertNotEquals(Color.GRAY, warning, "the warning swatch was found, not the grey fallback");
        int before = pixelsOf(picture, warning);
        onFx(() -> {
            List<PoolFigures.Container> cold = new ArrayList<>();
            for (int i = 0; i < 4; i++) cold.add(new PoolFigures.Container("c" + i, PoolFigures.ContainerState.COLD, 0));
            picture.show(new PoolFigures(cold, 0, 100, 0, 0), Clock.nowMicros());
            return null;
        });
        int after = pixelsOf(picture, warning);
        assertTrue(after > before + 10, "cold containers outlined in the warning colour: " + before + " -> " + after);
    }

    @Test
    void busyContainersAreFilledWithTheLanesAccent() throws Exception {
        Color accent = onFx(() -> palette.lane(Technique.POOL_UNPOOLED));
        int before = pixelsOf(picture, accent);
        onFx(() -> {
            picture.show(new PoolFigures(List.of(new PoolFigures.Container("c1", PoolFigures.ContainerState.BUSY, 1)),
                    1, 100, 0, 0), Clock.nowMicros());
            return null;
        });
        assertTrue(pixelsOf(picture, accent) > before + 100, "a filled box in the accent");
    }

    @Test
    void theStripDrawsTheWireEventsOfItsWindow() throws Exception {
        Color accent = onFx(() -> palette.lane(Technique.WEBSOCKET));
        long now = Clock.nowMicros();
        onFx(() -> {
            strip.show(List.of(), now, LaneState.OPEN);
            return null;
        });
        int quiet = pixelsOf(strip, accent);
        onFx(() -> {
            List<WireEvent> pushes = new ArrayList<>();
            long later = now + 1_000_000; // the strip repaints once it has scrolled a pixel
            for (int i = 1; i <= 20; i++) pushes.add(new WireEvent(WireEvent.Kind.PUSH, later - i * 200_000L, "#" + i));
            strip.show(pushes, later, LaneState.OPEN);
            return null;
        });
        assertTrue(pixelsOf(strip, accent) > quiet + 20, "pushes drawn in the lane's accent, quiet: " + quiet);
    }

    @Test
    void theChartDrawsItsSamplesAndClearForgetsThem() throws Exception {
        Color accent = onFx(() -> palette.lane(Technique.LONG_POLL));
        long now = Clock.nowMicros();
        onFx(() -> {
            for (int i = 10; i >= 0; i--) chart.sample(now - i * 1_000_000L, 10 + i, 30 + 2 * i);
            return null;
        });
        int drawn = pixelsOf(chart, accent);
        onFx(() -> {
            chart.clear();
            return null;
        });
        int cleared = pixelsOf(chart, accent);
        assertTrue(drawn > cleared + 20, "the p50/p99 lines in the accent: " + drawn + ", after clear " + cleared);
    }

    @Test
    void aPoolPicturesNoteBreaksAtSpacesToFitANarrowColumn() {
        double em = 20;
        double narrow = SequenceStrip.labelWidth("containers", em) + 1;
        java.util.List<String> lines = PoolPicture.wrap("no containers yet", narrow, em);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("no", "containers", "yet"), lines);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("no containers yet"),
                PoolPicture.wrap("no containers yet", SequenceStrip.labelWidth("no containers yet", em), em));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("尚无容器"), PoolPicture.wrap("尚无容器", 1, em));
    }
}
