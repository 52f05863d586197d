package io.connlab.lesson;

import io.connlab.ui.Fonts;
import io.connlab.ui.LabWindow;
import io.connlab.ui.lesson.LessonPane;
import io.connlab.ui.toolbar.AppearanceModel;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.Theme;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The diagrams are drawn for {@link LessonDiagrams#PANE_WIDTH}: a picture in the lesson pane
 * at the width the window gives the pane by default (446 px of a 1600 px window, measured under
 * Xvfb), styled as in the window (lab.css, the theme, the bundled font at the default size).
 * If the pane's padding or fonts change, this says the diagrams need redrawing.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPictureWidthTest {
    /** The lesson pane's width in a 1600 px window (LessonDock's divider at 0.72), measured under Xvfb. */
    private static final double PANE = 446;
    private LessonPane pane;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.PRIMER_LIGHT.userAgentStylesheet());
        pane = new LessonPane(LessonLibrary.fromClasspath("en"), "serverless-connections",
                new SimpleObjectProperty<>(RunControlModel.Activity.IDLE), e -> false, Optional::empty, url -> { });
        // the pane itself at the window's default width: a stage an earlier test in this JVM left
        // larger (or maximised) must not stretch it
        pane.setMinWidth(PANE);
        pane.setPrefWidth(PANE);
        pane.setMaxWidth(PANE);
        StackPane root = new StackPane(pane);
        StackPane.setAlignment(pane, javafx.geometry.Pos.TOP_LEFT);
        root.getStylesheets().add(LabWindow.class.getResource("lab.css").toExternalForm());
        Fonts.load();
        String family = Fonts.family().map(f -> "-fx-font-family: \"" + f + "\"; ").orElse("");
        root.setStyle(String.format(Locale.ROOT, "%s-fx-font-size: %.0fpx;", family, AppearanceModel.DEFAULT_FONT));
        stage.setScene(new Scene(root, PANE, 900));
        stage.show();
    }

    @Test
    void aPictureIsShownAtTheWidthTheDiagramsAreDrawnFor(FxRobot robot) {
        for (String lesson : new String[] {"serverless-connections", "pooling"}) {
            robot.interact(() -> pane.open(lesson));
            // the picture loads off the FX thread and the pane lays it out after: wait for it to settle
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                AtomicReference<double[]> seen = new AtomicReference<>();
                robot.interact(() -> {
                    ImageView view = (ImageView) robot.lookup(".lesson-image > .image-view").query();
                    seen.set(new double[] {pane.getWidth(), view.getImage().getWidth(), view.getFitWidth()});
                });
                assertEquals(PANE, seen.get()[0], 0.5, "the pane's width");
                assertEquals(LessonDiagrams.W, seen.get()[1], 0.5, lesson + ": the picture loaded");
                assertEquals(LessonDiagrams.PANE_WIDTH, seen.get()[2], 3, lesson + ": the picture's width in the pane");
            });
        }
    }
}
