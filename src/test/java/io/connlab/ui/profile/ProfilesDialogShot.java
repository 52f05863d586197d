package io.connlab.ui.profile;

import io.connlab.app.engine.Backend;
import io.connlab.app.engine.LabRuntime;
import io.connlab.app.engine.LibraryProfiles;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.endpoint.ProfileLibrary;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import io.connlab.ui.LabWindow;
import io.connlab.ui.UiPreferences;
import io.connlab.ui.WindowPicture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * Dev only: the window on the real engine with two saved profiles (one of them a second mock),
 * the Profiles dialog opened on it, Test connection run; saves a PNG of the dialog to
 * {@code -Dshot=path} and exits ({@code -Dlang=zh} for Chinese, {@code -Dfirst=true} for the other profile).
 */
public final class ProfilesDialogShot {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            if (System.getProperty("lang") != null) io.connlab.ui.model.I18n.use(System.getProperty("lang"));
            Path folder = Files.createTempDirectory("connlab-profiles");
            MockBackend other = MockBackend.start(MockConfig.defaults());
            EndpointProfiles.save(folder.resolve("class-laptop.json"), Backend.profileOf("Class laptop", other.endpoints(), null));
            EndpointProfiles.save(folder.resolve("chat.json"), ProfilesDialogTest.live("Chat sample eu-west-1",
                    "wss://abc123.execute-api.eu-west-1.amazonaws.com/Prod").withName("Chat sample eu-west-1"));
            LabRuntime engine = new LabRuntime(new LibraryProfiles(new ProfileLibrary(folder)));
            LabWindow w = new LabWindow(engine, UiPreferences.inMemory(), Executors.newSingleThreadExecutor(r -> daemon(r)),
                    Executors.newCachedThreadPool(r -> daemon(r)));
            w.show(stage);
            ((Button) stage.getScene().lookup("#load-profile")).fire();
            Stage dialog = (Stage) Window.getWindows().stream().filter(x -> x != stage).findFirst().orElseThrow();
            Platform.runLater(() -> Platform.runLater(() -> {
                @SuppressWarnings("unchecked")
                ListView<Object> list = (ListView<Object>) dialog.getScene().lookup("#profile-list");
                list.getSelectionModel().select(Boolean.getBoolean("first") ? 0 : 1);
                if (Boolean.getBoolean("bad")) {
                    ((javafx.scene.control.TextField) dialog.getScene().lookup("#profile-websocket-url")).setText("ws://127.0.0.1:1/dev");
                }
                ((Button) dialog.getScene().lookup("#test-connection")).fire();
            }));
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.getLong("after", 9000));
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    if (Boolean.getBoolean("bad")) {
                        ((javafx.scene.control.TextField) dialog.getScene().lookup("#profile-region")).setText("ireland");
                    }
                    try {
                        if (Boolean.getBoolean("window")) {
                            dialog.close();
                            ((javafx.scene.control.TabPane) stage.getScene().lookup("#bottom-tabs")).getSelectionModel().select(1);
                            stage.getScene().getRoot().applyCss();
                            stage.getScene().getRoot().layout();
                        }
                        WindowPicture.of(Boolean.getBoolean("window") ? stage.getScene() : dialog.getScene()).save(Path.of(System.getProperty("shot", "target/profiles-dialog.png")));
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                    w.close().whenComplete((v, x) -> {
                        other.close();
                        Platform.exit();
                    });
                });
            });
            t.setDaemon(true);
            t.start();
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "shot");
        t.setDaemon(true);
        return t;
    }
}
