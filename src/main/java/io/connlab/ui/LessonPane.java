package io.connlab.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;

/** The lesson on the right of the lanes. A placeholder until the lessons are written. */
public final class LessonPane extends VBox {

    public LessonPane() {
        getStyleClass().add("lesson-pane");
        setId("lesson");
        Label title = new Label("Lesson");
        title.getStyleClass().add("lesson-title");
        Label text = new Label("Each lane receives the same messages. Watch the strips: a WebSocket "
                + "push arrives on an open connection, a long poll waits at the server until a message "
                + "comes, a short poll asks again and again. Lessons that set up each experiment will "
                + "appear here.");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Region spring = new Region();
        VBox.setVgrow(spring, Priority.ALWAYS);
        Button tryIt = new Button("Try it");
        tryIt.setDisable(true);
        getChildren().addAll(title, text, spring, tryIt);
        setPrefWidth(300);
    }
}
