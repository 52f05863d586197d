package io.connlab.ui;

import io.connlab.thread.DaemonThreads;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.LabEngine;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The JavaFX application. Started by {@link GuiLauncher}, never as a main class (see
 * {@code io.connlab.app.Main}). Closing the window stops every lane and the backend first,
 * then exits.
 */
public final class ConnLabApp extends Application {

    /** What to open the window with: its engine, its preferences, and who to tell once it is shown. */
    record Setup(Supplier<LabEngine> engine, Supplier<UiPreferences> prefs, Consumer<LabWindow> shown) {
    }

    /** Set by the launcher before {@code Application.launch}; JavaFX creates this class itself. */
    static volatile Setup setup = new Setup(LabEngine::idle, UiPreferences::forUser, window -> { });

    private ExecutorService background;
    private ExecutorService io;
    private LabWindow window;
    private LabEngine engine;
    private UiPreferences prefs;

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor(DaemonThreads.factory("connlab-engine"));
        io = Executors.newCachedThreadPool(DaemonThreads.factory("connlab-backend-panel"));
        Setup s = setup;
        Platform.setImplicitExit(false);
        stage.setOnCloseRequest(e -> {
            stage.hide();
            if (window == null) Platform.exit();
            else window.close().orTimeout(15, TimeUnit.SECONDS).whenComplete((v, t) -> Platform.exit());
        });
        // a window at once, the lab a pulse later (see FirstFrame)
        FirstFrame.show(stage, () -> {
            engine = s.engine().get();
            prefs = s.prefs().get();
            prefs.language().ifPresent(I18n::use); // else the system's language
            open(stage);
            s.shown().accept(window);
        });
    }

    private void open(Stage stage) {
        LabWindow previous = window;
        window = new LabWindow(engine, prefs, background, io);
        if (previous != null) window.takeOver(previous); // another language: what the student did stays
        // showDocument can block (it starts a browser): never on the FX thread
        window.openLinksWith(url -> io.execute(() -> getHostServices().showDocument(url)));
        window.onLanguageChosen(language -> {
            // the words are read as the views are built: build them again, on the same engine and backend
            window.detach();
            prefs.saveLanguage(language);
            I18n.use(language);
            open(stage);
        });
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) window.close();
        if (background != null) {
            background.shutdown();
            io.shutdownNow();
        }
    }
}
