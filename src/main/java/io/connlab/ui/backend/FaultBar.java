package io.connlab.ui.backend;

import io.connlab.ui.model.Faults;
import io.connlab.ui.toolbar.RunControlModel;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** The mock's fault buttons; each runs its {@link Faults} call on the background thread. */
public final class FaultBar extends HBox {

    public static final int BURST = 100;
    public static final Duration DB_PAUSE = Duration.ofSeconds(5);

    /**
     * @param faults  the engine's faults, asked at click time (absent when not on the mock)
     * @param enabled true while the bundled mock is the backend
     */
    public FaultBar(Supplier<Optional<Faults>> faults, RunControlModel run, ObservableBooleanValue enabled) {
        getStyleClass().add("fault-bar");
        Label name = new Label("Faults (mock)");
        name.getStyleClass().add("field-name");
        getChildren().addAll(name,
                button("Drop every WebSocket", Feather.WIFI_OFF, "Close every WebSocket as a gateway failure would",
                        faults, run, enabled, f -> f.dropAllWebSockets()),
                button("Restart backend", Feather.REFRESH_CW, "Stop and start the mock on the same ports",
                        faults, run, enabled, f -> f.restartBackend()),
                button("Burst of " + BURST + " connections", Feather.USERS, "A class joining at once",
                        faults, run, enabled, f -> f.burstOfConnections(BURST)),
                button("Stop the database " + DB_PAUSE.toSeconds() + " s", Feather.DATABASE,
                        "The pool lanes lose their database for a few seconds",
                        faults, run, enabled, f -> f.stopDatabase(DB_PAUSE)));
    }

    private interface Call {
        String on(Faults f) throws Exception;
    }

    private static Button button(String text, Feather icon, String tip, Supplier<Optional<Faults>> faults,
                                 RunControlModel run, ObservableBooleanValue enabled, Call call) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        b.setOnAction(e -> {
            Optional<Faults> f = faults.get();
            if (f.isEmpty()) return;
            run.report(text, () -> call.on(f.get()));
        });
        return b;
    }
}
