package io.connlab.ui;

import io.connlab.ui.model.I18n;
import io.connlab.ui.toolbar.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * Dev only: opens the window on the {@link DemoFeed}, starts a run, and after a few seconds
 * saves a PNG of the window ({@code -Dshot=path}, {@code -Dtheme=PRIMER_DARK}, {@code -Dfont=18})
 * and exits. {@code -Dcompare=a.json,b.json} compares two saved runs instead of starting one;
 * {@code -Dlang=zh} shows it in Chinese. Without {@code -Dshot} it stays open.
 */
public final class DemoWindow {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application; a nested class so that this main class is not an Application. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            open(stage);
        }
    }

    static void open(Stage stage) {
        var background = Executors.newSingleThreadExecutor(r -> daemon(r, "demo-engine"));
        var io = Executors.newCachedThreadPool(r -> daemon(r, "demo-io"));
        if (System.getProperty("lang") != null) I18n.use(System.getProperty("lang"));
        UiPreferences prefs = new UiPreferences(new MemoryPreferences());
        LabWindow w = new LabWindow(new DemoFeed(), prefs, background, io);
        String theme = System.getProperty("theme");
        if (theme != null) w.appearance().themeProperty().set(Theme.valueOf(theme));
        String font = System.getProperty("font");
        if (font != null) w.appearance().setFontSize(Double.parseDouble(font));
        w.toolbarModel().rateProperty().set(System.getProperty("rate", "5"));
        w.show(stage);
        String compare = System.getProperty("compare");
        if (compare == null) w.runControl().start();
        else w.comparisonMode().compare(java.util.Arrays.stream(compare.split(",")).map(Path::of).toList());
        String shot = System.getProperty("shot");
        if (shot != null) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.getLong("after", 6000));
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    try {
                        WindowPicture.of(stage.getScene()).save(Path.of(shot));
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                    w.close();
                    Platform.exit();
                });
            });
            t.setDaemon(true);
            t.start();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
