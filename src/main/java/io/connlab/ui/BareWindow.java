package io.connlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference for the start-up benchmark: the barest JavaFX window (one label, default
 * theme), started on the same runtime as ConnLab and timed by the same {@link StartupProbe}.
 * Started by {@code io.connlab.app.BareWindowMain}, from the class path like ConnLab.
 */
public final class BareWindow {

    private BareWindow() {
    }

    /** Opens the window and blocks until it is closed. */
    public static void launch(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("A bare JavaFX window")), 800, 600);
            stage.setTitle("Bare JavaFX window");
            stage.setScene(scene);
            StartupProbe.firstFrame(scene); // its first frame is its finished window too
            StartupProbe.watch(scene);
            stage.show();
        }
    }
}
