package io.connlab.ui.profile;

import atlantafx.base.theme.Styles;
import io.connlab.thread.DaemonThreads;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileFields;
import io.connlab.ui.model.ProfileStore;
import io.connlab.ui.model.ProfileStore.TestLine;
import io.connlab.ui.model.ProfileStore.Verdict;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * "Test connection": tries each endpoint of the profile being edited on a thread of its own,
 * with a spinner and Cancel, then lists each endpoint with its verdict and the fix. The window
 * never waits for it; a cancelled test is interrupted and its late answer ignored.
 */
final class ConnectionTestPane extends VBox {
    private final ProfileStore store;
    private final Supplier<ProfileFields> fields;
    private final Button test = new Button(I18n.t("profiles.test"), new FontIcon(Feather.ACTIVITY));
    private final Button cancel = new Button(I18n.t("profiles.testCancel"));
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label summary = new Label();
    private final VBox results = new VBox(4);
    private Thread worker;

    ConnectionTestPane(ProfileStore store, Supplier<ProfileFields> fields, ObservableBooleanValue formValid) {
        this.store = store;
        this.fields = fields;
        getStyleClass().add("connection-test");
        setSpacing(6);
        test.setId("test-connection");
        test.disableProperty().bind(javafx.beans.binding.Bindings.not(formValid));
        test.setOnAction(e -> start());
        cancel.setId("test-cancel");
        cancel.setOnAction(e -> cancel());
        progress.setId("test-progress");
        progress.setPrefSize(22, 22);
        summary.setId("test-summary");
        summary.setWrapText(true);
        results.setId("test-results");
        HBox bar = new HBox(8, test, progress, cancel, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        busy(false);
        getChildren().addAll(bar, results);
    }

    /** Runs the test; FX thread. */
    void start() {
        if (worker != null) return;
        ProfileFields f = fields.get();
        results.getChildren().clear();
        summary.setText(I18n.t("profiles.testing"));
        busy(true);
        Thread[] self = new Thread[1];
        self[0] = DaemonThreads.factory("connlab-connection-test").newThread(() -> {
            List<TestLine> lines;
            String failure = null;
            try {
                lines = store.test(f);
            } catch (Exception | LinkageError e) {
                lines = List.of();
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            List<TestLine> done = lines;
            String why = failure;
            Platform.runLater(() -> {
                if (worker != self[0]) return; // cancelled meanwhile: a late answer changes nothing
                worker = null;
                busy(false);
                show(done, why);
            });
        });
        worker = self[0];
        worker.start();
    }

    /** Stops waiting for the test; FX thread. */
    void cancel() {
        Thread w = worker;
        worker = null;
        if (w != null) w.interrupt();
        busy(false);
        summary.setText(I18n.t("profiles.testCancelled"));
    }

    /** Clears the last result (another profile is shown). */
    void clear() {
        if (worker != null) cancel();
        results.getChildren().clear();
        summary.setText("");
    }

    private void busy(boolean on) {
        progress.setVisible(on);
        progress.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
        test.setVisible(!on);
        test.setManaged(!on);
    }

    private void show(List<TestLine> lines, String failure) {
        if (failure != null) {
            summary.setText(I18n.t("profiles.testFailed", failure));
            return;
        }
        long failed = lines.stream().filter(l -> l.verdict() != Verdict.OK && l.verdict() != Verdict.UNAVAILABLE).count();
        summary.setText(failed == 0 ? I18n.t("profiles.testAllOk") : I18n.t("profiles.testSomeFailed", failed));
        for (TestLine l : lines) {
            String detail = detail(l);
            Label line = new Label(endpoint(l.endpoint()) + " — " + verdict(l.verdict()) + (detail.isEmpty() ? "" : ": " + detail));
            line.setId("test-result-" + l.endpoint().toLowerCase(Locale.ROOT));
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE); // the fix is in the last words: never cut to "..."
            line.getStyleClass().add(l.verdict() == Verdict.OK ? Styles.SUCCESS
                    : l.verdict() == Verdict.UNAVAILABLE ? Styles.TEXT_MUTED : Styles.DANGER);
            results.getChildren().add(line);
        }
    }

    /** The detail without the words the verdict already says ("refused: nothing accepts…" after "connection refused"). */
    private static String detail(TestLine l) {
        String d = l.detail();
        int colon = d.indexOf(": ");
        boolean named = l.verdict() != Verdict.OK && l.verdict() != Verdict.UNAVAILABLE && l.verdict() != Verdict.FAILED;
        return named && colon > 0 && colon < 20 ? d.substring(colon + 2) : d;
    }

    private static String endpoint(String name) {
        return switch (name) {
            case "Poll" -> I18n.t("profiles.endpoint.poll");
            case "Invoke" -> I18n.t("profiles.endpoint.invoke");
            case "Credentials" -> I18n.t("profiles.endpoint.credentials");
            default -> name; // WebSocket, SNS
        };
    }

    static String verdict(Verdict v) {
        return switch (v) {
            case OK -> I18n.t("profiles.verdict.ok");
            case UNAVAILABLE -> I18n.t("profiles.verdict.unavailable");
            case DNS -> I18n.t("profiles.verdict.dns");
            case TLS -> I18n.t("profiles.verdict.tls");
            case REFUSED -> I18n.t("profiles.verdict.refused");
            case TIMEOUT -> I18n.t("profiles.verdict.timeout");
            case UNAUTHORIZED -> I18n.t("profiles.verdict.unauthorized");
            case FORBIDDEN -> I18n.t("profiles.verdict.forbidden");
            case GONE -> I18n.t("profiles.verdict.gone");
            case NO_CREDENTIALS -> I18n.t("profiles.verdict.noCredentials");
            case FAILED -> I18n.t("profiles.verdict.failed");
        };
    }
}
