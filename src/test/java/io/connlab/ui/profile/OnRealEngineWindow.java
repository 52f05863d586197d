package io.connlab.ui.profile;

import io.connlab.app.engine.LabRuntime;
import io.connlab.app.engine.LibraryProfiles;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.ProfileLibrary;
import io.connlab.fixtures.InProcessMock;
import io.connlab.mock.MockConfig;
import io.connlab.ui.LabWindow;
import io.connlab.ui.UiPreferences;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The real window on the real engine ({@link LabRuntime}, its bundled mock), its profiles in a
 * temporary folder, plus a second mock ({@link #backend}) for profiles to point at.
 */
abstract class OnRealEngineWindow {
    @TempDir
    Path folder;
    @RegisterExtension
    final InProcessMock backend = new InProcessMock(MockConfig.defaults());

    protected LabWindow window;
    protected LabRuntime engine;
    private ExecutorService background;
    private ExecutorService io;

    /** Subclasses call this from their own {@code @Start} method (TestFX looks for it on the test class itself). */
    void open(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        io = Executors.newCachedThreadPool();
        engine = new LabRuntime(new LibraryProfiles(new ProfileLibrary(folder), Duration.ofSeconds(2)));
        window = new LabWindow(engine, UiPreferences.inMemory(), background, io);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS).get(15, TimeUnit.SECONDS);
        background.shutdownNow();
        io.shutdownNow();
    }

    static EndpointProfile live(String name, String websocketUrl) {
        return new EndpointProfile(name, EndpointProfile.Kind.LIVE, websocketUrl, null, null, null, null, "eu-west-1",
                null, null, null, null, "websocket");
    }

    /** Opens the dialog the way lesson 7 says: the backend chooser's last item. */
    void openProfiles(FxRobot robot) {
        robot.clickOn("#backend");
        // opening the chooser reads the folder again: wait for that, so that the items do not move under the click
        BackendChooser chooser = robot.lookup("#backend").queryAs(BackendChooser.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> chooser.getItems().size() == 2 + jsonFiles());
        robot.clickOn("Manage profiles…");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#profiles-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    static ListView<io.connlab.ui.model.ProfileStore.Saved> list(FxRobot robot) {
        return robot.lookup("#profile-list").queryAs(ListView.class);
    }

    static void set(FxRobot robot, String id, String text) {
        TextField f = robot.lookup("#profile-" + id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    static String message(FxRobot robot, String id) {
        return robot.lookup("#profile-" + id + "-message").queryAs(Label.class).getText();
    }


    private long jsonFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
