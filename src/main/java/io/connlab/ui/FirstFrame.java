package io.connlab.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The window's first frame: shown at once, before the lab is built, so a double-click is
 * answered by a window within about the time a bare JavaFX window takes; the lab (its toolbar,
 * lanes, table and panels, a few seconds of work on a slow machine) replaces it on the next
 * pulse. bench-startup times both: the first frame and the lab's.
 */
final class FirstFrame {

    /** The sizes of the window icon's pictures (resources beside this class). */
    static final int[] ICON_SIZES = {16, 32, 64, 256};
    /** How long the FX thread stays free after the first frame, for the window system's events. */
    private static final Duration EVENTS_FIRST = Duration.millis(250);

    private FirstFrame() {
    }

    private static void setIcons(Stage stage) {
        for (int size : ICON_SIZES) {
            // drawn by the bundle build's IconPainter; a test keeps these copies equal to it
            var url = FirstFrame.class.getResource("connlab-" + size + ".png");
            if (url != null) stage.getIcons().add(new Image(url.toExternalForm()));
        }
    }

    /** Shows a light "opening" scene on {@code stage}, then runs {@code buildLab} once it is on the screen. */
    static void show(Stage stage, Runnable buildLab) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Label opening = new Label("Opening the lab\u2026");
        opening.setStyle("-fx-font-size: 18px; -fx-text-fill: #57606a;");
        StackPane pane = new StackPane(opening);
        pane.setStyle("-fx-background-color: #f6f8fa;");
        Scene scene = new Scene(pane, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        stage.setTitle("ConnLab");
        stage.setScene(scene);
        StartupProbe.firstFrame(scene);
        StartupProbe.afterFirstFrame(scene, () -> {
            // GTK maps and paints the window from events on this very thread: let it have them
            // before the build holds the thread for a while (seen on Xvfb: else the screen stays black)
            PauseTransition idle = new PauseTransition(EVENTS_FIRST);
            idle.setOnFinished(e -> {
                setIcons(stage); // decoding four pictures is not worth delaying the first frame for
                buildLab.run();
            });
            idle.play();
        });
        stage.show();
    }
}
