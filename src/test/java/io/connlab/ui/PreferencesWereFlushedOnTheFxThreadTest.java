package io.connlab.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bug (issue 7): closing the window flushed the preferences to disk on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class PreferencesWereFlushedOnTheFxThreadTest {
    /** Whether the flush ran on the FX thread; completes when it ran. */
    private final CompletableFuture<Boolean> flushedOnFx = new CompletableFuture<>();
    private ExecutorService background;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        MemoryPreferences store = new MemoryPreferences() {
            @Override
            protected void flushSpi() {
                flushedOnFx.complete(Platform.isFxApplicationThread());
            }
        };
        window = new LabWindow(new DemoFeed(), new UiPreferences(store), background, background);
        window.show(stage);
    }

    @Test
    void closingTheWindowFlushesThePreferencesOffTheFxThread() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertTrue(flushedOnFx.isDone(), "close completes after the flush");
        assertFalse(flushedOnFx.get(), "flushed on the FX thread");
        background.shutdownNow();
    }
}
