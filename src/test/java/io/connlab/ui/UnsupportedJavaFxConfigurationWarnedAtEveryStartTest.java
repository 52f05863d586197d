package io.connlab.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 21: every jar launch printed JavaFX's "Unsupported JavaFX configuration: classes were
 * loaded from 'unnamed module'" (the jar runs JavaFX from the class path on purpose). That line
 * is dropped; JavaFX's other warnings still reach the terminal.
 */
class UnsupportedJavaFxConfigurationWarnedAtEveryStartTest {

    @Test
    void onlyTheClassPathWarningIsDropped() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> heard = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (javafx.getFilter() == null || javafx.getFilter().isLoggable(r)) heard.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(h);
        try {
            GuiLauncher.quietClassPathWarning();
            javafx.log(Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'");
            javafx.log(Level.WARNING, "Could not find stylesheet: lab.css");
            assertEquals(List.of("Could not find stylesheet: lab.css"), heard);
        } finally {
            javafx.removeHandler(h);
        }
    }
}
