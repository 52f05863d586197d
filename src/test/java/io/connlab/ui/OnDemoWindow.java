package io.connlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window on the {@link DemoFeed}, shown before each test and closed cleanly after it (TestFX's ApplicationExtension). */
abstract class OnDemoWindow {

    protected final DemoFeed engine = new DemoFeed();
    protected LabWindow window;
    private ExecutorService background;
    private ExecutorService io;

    /** Subclasses call this from their own {@code @Start} method (TestFX looks for it on the test class itself). */
    void open(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        io = Executors.newCachedThreadPool();
        window = new LabWindow(engine, new UiPreferences(new MemoryPreferences()), background, io);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        var closed = WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
        closed.get(10, TimeUnit.SECONDS);
        background.shutdownNow();
        io.shutdownNow();
        assertTrue(background.awaitTermination(5, TimeUnit.SECONDS));
    }
}
