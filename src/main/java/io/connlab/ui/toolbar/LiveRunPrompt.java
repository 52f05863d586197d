package io.connlab.ui.toolbar;

import io.connlab.run.LiveLoad;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.model.LiveCost;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Live runs are polite: Start on a live stack first forecasts the run's cost (as {@code bench}
 * does) and says what the run sends against the stage's and the account's throttles; above
 * {@code bench}'s threshold it asks, below it the cost goes into the status line.
 * On the mock nothing changes.
 */
public final class LiveRunPrompt implements RunControlModel.StartCheck {
    private final LabEngine engine;
    private final RunControlModel run;
    private final Supplier<Window> owner;
    private boolean confirmed;

    public LiveRunPrompt(LabEngine engine, RunControlModel run, Supplier<Window> owner) {
        this.engine = engine;
        this.run = run;
        this.owner = owner;
    }

    @Override
    public String check(RunSettings settings) {
        Optional<LiveCost> forecast = engine.liveCost(settings);
        if (forecast.isEmpty()) return "";
        LiveCost c = forecast.get();
        String text = I18n.t("live.estimate", c.backend(), String.format(Locale.ROOT, "%.4f", c.dollars()), c.messages(),
                c.lanes(), c.clients()) + " " + throttles(c.load());
        if (!c.needsConfirmation() || confirmed) {
            confirmed = false;
            return text;
        }
        ask(c, text);
        return null; // not yet: the answer starts it
    }

    /** The stage's and the account's throttles, and what this run sends against them. */
    static String throttles(LiveLoad l) {
        String line = I18n.t("live.throttles", l.stageRequestsPerSecond(), l.accountRequestsPerSecond(),
                l.accountNewConnectionsPerSecond(), Math.round(l.httpRequestsPerSecond()), Math.round(l.connectionPostsPerSecond()),
                l.webSocketConnections(), l.connectsPerSecond(), l.invokeRequestsPerSecond());
        return l.overStage() ? line + " " + I18n.t("live.overStage", l.passedLimit()) : line;
    }

    private void ask(LiveCost c, String text) {
        ButtonType go = new ButtonType(I18n.t("live.start"), ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text + "\n\n"
                + I18n.t("live.above", String.format(Locale.ROOT, "%.2f", c.confirmAbove())), go, io.connlab.ui.dialog.Dialogs.cancel());
        a.initOwner(owner.get());
        a.setTitle(I18n.t("live.title"));
        a.setHeaderText(I18n.t("live.header", String.format(Locale.ROOT, "%.2f", c.dollars())));
        a.getDialogPane().setId("live-run-confirm");
        ((Button) a.getDialogPane().lookupButton(go)).setId("live-run-start");
        io.connlab.ui.dialog.Dialogs.dress(a.getDialogPane(), owner.get());
        a.getDialogPane().getButtonTypes().stream().filter(b -> b != go).findFirst()
                .ifPresent(cancel -> ((Button) a.getDialogPane().lookupButton(cancel)).setDefaultButton(true)); // Enter does not spend money
        ((Button) a.getDialogPane().lookupButton(go)).setDefaultButton(false);
        a.setOnHidden(e -> {
            if (a.getResult() == go) {
                confirmed = true;
                run.start();
                confirmed = false; // one confirmation, one run
            }
        });
        a.show();
    }
}
