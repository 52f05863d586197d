package io.connlab.ui.backend;

import io.connlab.ui.model.I18n;
import io.connlab.ui.model.Faults;
import io.connlab.ui.model.Words;
import io.connlab.ui.toolbar.RunControlModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
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
     * @param faults  the engine's faults, asked at click time (absent when not on a mock)
     * @param refusal why the faults do not act on this backend, shown beside the greyed buttons
     *                ({@link Words#NOTHING} while they do: the bundled mock, a served mock with its instructor key)
     */
    public FaultBar(Supplier<Optional<Faults>> faults, RunControlModel run, ObservableValue<Words> refusal) {
        getStyleClass().add("fault-bar");
        Label name = new Label(I18n.t("faults.title"));
        name.getStyleClass().add("field-name");
        ObservableBooleanValue enabled = Bindings.createBooleanBinding(() -> refusal.getValue() == Words.NOTHING, refusal);
        Label why = new Label();
        why.setId("faults-why");
        why.getStyleClass().add("footnote");
        why.setWrapText(true);
        // the reason takes what the buttons leave, wrapping there, rather than squeezing them to "…"
        why.setMinWidth(0);
        why.setPrefWidth(1);
        why.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(why, javafx.scene.layout.Priority.ALWAYS);
        why.textProperty().bind(Bindings.createStringBinding(() -> refusal.getValue().shown(), refusal));
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(500);
        whole.textProperty().bind(why.textProperty());
        why.setTooltip(whole);
        why.visibleProperty().bind(Bindings.not(enabled));
        why.managedProperty().bind(why.visibleProperty());
        getChildren().addAll(name,
                button(I18n.t("faults.drop"), Feather.WIFI_OFF, I18n.t("faults.drop.tip"),
                        faults, run, enabled, f -> f.dropAllWebSockets()),
                button(I18n.t("faults.restart"), Feather.REFRESH_CW, I18n.t("faults.restart.tip"),
                        faults, run, enabled, f -> f.restartBackend()),
                button(I18n.t("faults.burst", BURST), Feather.USERS, I18n.t("faults.burst.tip"),
                        faults, run, enabled, f -> f.burstOfConnections(BURST)),
                button(I18n.t("faults.stopDb", DB_PAUSE.toSeconds()), Feather.DATABASE,
                        I18n.t("faults.stopDb.tip"),
                        faults, run, enabled, f -> f.stopDatabase(DB_PAUSE)),
                why);
    }

    private interface Call {
        Words on(Faults f) throws Exception;
    }

    private static Button button(String text, Feather icon, String tip, Supplier<Optional<Faults>> faults,
                                 RunControlModel run, ObservableBooleanValue enabled, Call call) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.disableProperty().bind(Bindings.not(enabled));
        b.setOnAction(e -> {
            Optional<Faults> f = faults.get();
            if (f.isEmpty()) return;
            run.report(text, () -> call.on(f.get()).shown());
        });
        return b;
    }
}
