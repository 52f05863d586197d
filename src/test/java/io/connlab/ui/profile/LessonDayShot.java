package io.connlab.ui.profile;

import io.connlab.app.engine.LabRuntime;
import io.connlab.app.engine.LibraryProfiles;
import io.connlab.endpoint.ProfileLibrary;
import io.connlab.lesson.Experiment;
import io.connlab.ui.LabWindow;
import io.connlab.ui.UiPreferences;
import io.connlab.ui.WindowPicture;
import io.connlab.ui.model.I18n;
import io.connlab.ui.toolbar.RunControlModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * Dev only: a lesson day at {@code -Dsize=1280x720} with {@code -Dbigger=N} A+ clicks, in
 * {@code -Dlang=zh|en}: the real engine, lesson {@code -Dlesson} (websocket), its card
 * {@code -Dcard} (heartbeat) answered and tried; then PNGs of the window after the run, of the
 * Import dialog, and of the Profiles dialog, into {@code -Dshots=dir}. Run under Xvfb with a
 * fontconfig that hides the system's CJK fonts to see that every word has its glyphs.
 */
public final class LessonDayShot {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private Path shots;
        private Stage stage;
        private LabWindow w;

        @Override
        public void start(Stage stage) throws Exception {
            this.stage = stage;
            I18n.use(System.getProperty("lang", "en"));
            shots = Path.of(System.getProperty("shots", "target/shots"));
            Files.createDirectories(shots);
            Path profiles = Files.createTempDirectory("connlab-shot");
            String longName = System.getProperty("profile"); // -Dprofile="A long profile name": chosen in the toolbar
            if (longName != null) {
                io.connlab.endpoint.EndpointProfiles.save(profiles.resolve("long.json"),
                        ProfilesDialogTest.live(longName, "wss://abc123.execute-api.eu-west-1.amazonaws.com/Prod").withName(longName));
            }
            LabRuntime engine = new LabRuntime(new LibraryProfiles(new ProfileLibrary(profiles)));
            w = new LabWindow(engine, UiPreferences.inMemory(), Executors.newSingleThreadExecutor(LessonDayShot::daemon),
                    Executors.newCachedThreadPool(LessonDayShot::daemon));
            w.show(stage);
            String[] size = System.getProperty("size", "1280x720").split("x");
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            for (int i = 0; i < Integer.getInteger("bigger", 0); i++) w.appearance().bigger();
            if (longName != null) {
                later(1500, () -> {
                    w.toolbarModel().backendProperty().set(io.connlab.ui.model.BackendChoice.profile(profiles.resolve("long.json")));
                    later(2500, () -> {
                        shoot("long-profile");
                        w.close().whenComplete((v, t) -> Platform.exit());
                    });
                });
                return;
            }
            w.lessonPane().open(System.getProperty("lesson", "websocket"));
            Experiment card = w.lessonPane().lessonProperty().get().experiment(System.getProperty("card", "heartbeat"));
            later(3000, () -> {
                Node root = stage.getScene().getRoot();
                RadioButton right = (RadioButton) root.lookupAll("#experiment-" + card.id() + " .experiment-choice").stream()
                        .skip(card.prediction().answer()).findFirst().orElseThrow();
                right.setSelected(true);
                ((Button) root.lookup("#try-" + card.id())).fire();
                waitForOutcome();
            });
        }

        private void waitForOutcome() {
            later(1000, () -> {
                if (w.runControl().activity() != RunControlModel.Activity.IDLE) {
                    waitForOutcome();
                    return;
                }
                later(1500, () -> {
                    shoot("window");
                    ImportDialog dialog = new ImportDialog(stage, null, Runnable::run);
                    dialog.show();
                    later(1000, () -> {
                        WindowPicture.of(dialog.getDialogPane().getScene()).save(shots.resolve("import-dialog.png"));
                        dialog.close();
                        ((Button) stage.getScene().lookup("#load-profile")).fire();
                        later(2000, () -> {
                            for (javafx.stage.Window x : javafx.stage.Window.getWindows()) {
                                if (x != stage && x.getScene() != null) WindowPicture.of(x.getScene()).save(shots.resolve("profiles-dialog.png"));
                            }
                            w.close().whenComplete((v, t) -> Platform.exit());
                        });
                    });
                });
            });
        }

        private void shoot(String name) throws Exception {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            WindowPicture.of(stage.getScene()).save(shots.resolve(name + ".png"));
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs {@code step} on the FX thread after {@code millis}. */
    private static void later(long millis, Step step) {
        Thread t = daemon(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            Platform.runLater(() -> {
                try {
                    step.run();
                } catch (Exception e) {
                    e.printStackTrace();
                    Platform.exit();
                }
            });
        });
        t.start();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "shot");
        t.setDaemon(true);
        return t;
    }
}
