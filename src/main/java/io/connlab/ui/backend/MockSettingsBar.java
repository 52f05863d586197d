package io.connlab.ui.backend;

import io.connlab.metrics.Prices;
import io.connlab.metrics.RequestApi;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.MockSetup;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.ToolbarModel;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bundled mock's API kind (HTTP API, as the live stack; or REST API) and "Use calibrated
 * settings…" (a {@code calibrate} output file), with what is in effect. Applying restarts the
 * mock between runs, on the run control's background thread.
 */
public final class MockSettingsBar extends HBox {
    private final Supplier<Optional<MockSetup>> setup;
    private final RunControlModel run;
    private final ToolbarModel toolbar;
    private final ChoiceBox<RequestApi> api = new ChoiceBox<>(FXCollections.observableArrayList(RequestApi.values()));
    private final Label inEffect = new Label();
    private final ObjectProperty<Path> calibrated = new SimpleObjectProperty<>(this, "calibrated");
    private boolean showing;

    public MockSettingsBar(Supplier<Optional<MockSetup>> setup, RunControlModel run, ToolbarModel toolbar, ObservableBooleanValue onMock) {
        this.setup = setup;
        this.run = run;
        this.toolbar = toolbar;
        getStyleClass().add("mock-settings");
        setId("mock-settings");
        setSpacing(10); // one row: the fault buttons below must stay in view in a small window
        setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(I18n.t("mock.api"));
        name.getStyleClass().add("field-name");
        api.setId("mock-api");
        api.setValue(RequestApi.HTTP_API);
        api.setConverter(new StringConverter<>() {
            @Override
            public String toString(RequestApi a) {
                return a == null ? "" : describe(a);
            }

            @Override
            public RequestApi fromString(String s) {
                return null;
            }
        });
        api.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) apply(I18n.t("mock.switchingApi", describe(b)), s -> s.useApi(b));
        });
        Button calibrate = new Button(I18n.t("mock.useCalibrated"));
        calibrate.setId("use-calibrated");
        calibrate.setOnAction(e -> chooseCalibrated());
        Button defaults = new Button(I18n.t("mock.defaults"));
        defaults.setId("mock-defaults");
        defaults.setOnAction(e -> apply(I18n.t("mock.resetting"), s -> {
            s.useDefaults();
            Platform.runLater(() -> calibrated.set(null));
        }));
        inEffect.setId("mock-settings-in-effect");
        inEffect.getStyleClass().add("footnote");
        inEffect.setWrapText(false);
        inEffect.setTooltip(new javafx.scene.control.Tooltip());
        inEffect.getTooltip().textProperty().bind(inEffect.textProperty());
        var idle = run.activityProperty().isEqualTo(RunControlModel.Activity.IDLE);
        for (var n : new javafx.scene.Node[]{api, calibrate, defaults}) n.disableProperty().bind(idle.not());
        // only an engine with a bundled mock has these settings (the window's demo engine has none)
        boolean offered = setup.get().isPresent();
        visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> offered && onMock.get(), onMock));
        managedProperty().bind(visibleProperty());
        getChildren().addAll(name, api, calibrate, defaults, inEffect);
        refresh();
    }

    /** The calibrate file in effect (null: none), for the preferences. */
    public ObjectProperty<Path> calibratedProperty() {
        return calibrated;
    }

    /** The API kind chosen, for the preferences. */
    public RequestApi api() {
        return api.getValue();
    }

    /** Puts back what the preferences remember, before the mock first starts (no restart then). */
    public void restore(RequestApi kind, Path calibratedFile) {
        // already in effect (the window rebuilt in another language on the same mock): no restart
        Optional<MockSetup.InEffect> now = setup.get().map(MockSetup::inEffect);
        if (now.isPresent() && java.util.Objects.equals(now.get().calibratedFrom(), calibratedFile)
                && (calibratedFile != null || kind == null || kind == now.get().api())) {
            calibrated.set(calibratedFile);
            refresh();
            return;
        }
        if (calibratedFile != null) {
            apply(I18n.t("mock.usingCalibrated", calibratedFile.getFileName()), s -> {
                s.useCalibrated(calibratedFile);
                Platform.runLater(() -> calibrated.set(calibratedFile));
            });
        } else if (kind != null && kind != RequestApi.HTTP_API) {
            apply(I18n.t("mock.switchingApi", describe(kind)), s -> s.useApi(kind));
        }
    }

    /** Shows what the mock plays now; FX thread. */
    public void refresh() {
        Optional<MockSetup> s = setup.get();
        if (s.isEmpty()) return;
        MockSetup.InEffect e = s.get().inEffect();
        showing = true;
        api.setValue(e.api());
        showing = false;
        // the API kind is in the choice box beside it: the label says the rest
        inEffect.setText(I18n.t("mock.inEffect", e.coldStartMillis())
                + (e.calibratedFrom() == null ? "" : " · " + I18n.t("mock.calibratedFrom", e.calibratedFrom().getFileName())));
    }

    private interface Change {
        void apply(MockSetup s) throws Exception;
    }

    private void apply(String what, Change change) {
        run.perform(what, () -> {
            Optional<MockSetup> s = setup.get();
            if (s.isEmpty()) throw new IllegalStateException(I18n.t("mock.onlyMock"));
            change.apply(s.get());
            Platform.runLater(this::refresh);
        });
    }

    private void chooseCalibrated() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("mock.useCalibrated"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(I18n.t("files.jsonFilter"), "*.json"),
                new FileChooser.ExtensionFilter(I18n.t("files.anyFile"), "*"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) useCalibrated(f.toPath());
    }

    /** Applies a calibrate file: the mock's API kind and cold start, and the toolbar's round trip and jitter. */
    public void useCalibrated(Path file) {
        apply(I18n.t("mock.usingCalibrated", file.getFileName()), s -> {
            MockSetup.Calibrated c = s.useCalibrated(file);
            Platform.runLater(() -> {
                calibrated.set(file);
                toolbar.rttMillisProperty().set(c.rttMillis());
                toolbar.jitterMillisProperty().set(c.jitterMillis());
            });
        });
    }

    /** "HTTP API · 30 s · $1.00/M": what the choice means for the lesson. */
    private String describe(RequestApi a) {
        int timeout = setup.get().map(s -> s.timeoutSeconds(a)).orElse(a == RequestApi.HTTP_API ? 30 : 29);
        double price = a == RequestApi.HTTP_API ? Prices.CURRENT.httpRequestsPerMillion() : Prices.CURRENT.restRequestsPerMillion();
        return I18n.t(a == RequestApi.HTTP_API ? "mock.httpApi" : "mock.restApi", timeout, String.format(Locale.ROOT, "%.2f", price));
    }
}
