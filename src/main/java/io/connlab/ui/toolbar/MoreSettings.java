package io.connlab.ui.toolbar;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import io.connlab.run.PublishPath;
import io.connlab.run.Room;
import io.connlab.ui.model.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The run settings a class rarely changes (payload size, publish path, room, jitter, time scale),
 * behind one gear button, so the toolbar keeps two rows on a projector. The button turns red
 * while a setting inside is invalid (the status line names it too).
 */
final class MoreSettings {

    private final Button button = new Button(null, icons());
    private final GridPane content = new GridPane();
    private final Popover popover = new Popover(content);

    MoreSettings(ToolbarModel model, ObservableBooleanValue mock) {
        button.setId("more-settings");
        button.setTooltip(new Tooltip(I18n.t("toolbar.more.tip")));
        button.setOnAction(e -> toggle());

        ValidatedField size = new ValidatedField("payload", model.payloadProperty(),
                model.errorProperty(ToolbarModel.Field.PAYLOAD), 4, I18n.t("toolbar.size.tip"));
        var sizeError = model.errorProperty(ToolbarModel.Field.PAYLOAD);
        var roomError = model.errorProperty(ToolbarModel.Field.ROOM);
        for (var error : java.util.List.of(sizeError, roomError)) {
            error.addListener((o, a, b) -> button.pseudoClassStateChanged(Styles.STATE_DANGER,
                    !sizeError.get().isEmpty() || !roomError.get().isEmpty()));
        }
        // empty: the run's own room (its name shown greyed); a name: that room, an instructor's for a class
        ValidatedField room = new ValidatedField("room", model.roomProperty(), roomError, 10,
                I18n.t("toolbar.room.tip", Room.own()));
        room.field().setPromptText(Room.own());

        ChoiceBox<PublishPath> publish = new ChoiceBox<>(FXCollections.observableArrayList(PublishPath.values()));
        publish.setId("publish");
        publish.valueProperty().bindBidirectional(model.publishProperty());
        publish.setConverter(converter(p -> p == PublishPath.SNS ? "SNS" : "WebSocket",
                s -> "SNS".equals(s) ? PublishPath.SNS : PublishPath.WEBSOCKET));

        Slider jitter = LabToolbar.slider(0, 200, model.jitterMillisProperty(), "jitter");
        Label jitterValue = LabToolbar.valueLabel(model.jitterMillisProperty(), I18n.t("unit.ms"));
        ChoiceBox<Integer> scale = new ChoiceBox<>(FXCollections.observableArrayList(1, 10, 60));
        scale.setId("time-scale");
        scale.setTooltip(new Tooltip(I18n.t("toolbar.timeScale.tip")));
        scale.setConverter(converter(v -> "×" + v, s -> Integer.valueOf(s.substring(1))));
        show(scale, model.timeScaleProperty().get());
        scale.valueProperty().addListener((o, a, b) -> { if (b != null) model.timeScaleProperty().set(b); });
        model.timeScaleProperty().addListener((o, a, b) -> show(scale, b.intValue()));
        for (Node n : new Node[] {jitter, jitterValue, scale}) n.disableProperty().bind(Bindings.not(mock));

        content.getStyleClass().add("more-settings");
        content.setHgap(8);
        content.setVgap(14); // room for a field's message, drawn under it
        content.addRow(0, LabToolbar.name(I18n.t("toolbar.size")), size);
        content.addRow(1, LabToolbar.name(I18n.t("toolbar.publish")), publish);
        content.addRow(4, LabToolbar.name(I18n.t("toolbar.room")), room);
        HBox jitterLine = new HBox(6, jitter, jitterValue);
        jitterLine.setAlignment(Pos.CENTER_LEFT);
        content.addRow(2, LabToolbar.name(I18n.t("toolbar.jitter")), jitterLine);
        content.addRow(3, LabToolbar.name(I18n.t("toolbar.time")), scale);
        content.getChildren().forEach(n -> GridPane.setValignment(n, javafx.geometry.VPos.CENTER));
        popover.setTitle(I18n.t("toolbar.more"));
        popover.setHeaderAlwaysVisible(true);
        popover.setDetachable(false);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_CENTER);
    }

    /** Selects {@code value}, adding it in order when it is not a usual choice (a lesson's ×120): the gear shows what runs. */
    static void show(ChoiceBox<Integer> scale, int value) {
        if (!scale.getItems().contains(value)) {
            scale.getItems().add(value);
            FXCollections.sort(scale.getItems());
        }
        scale.setValue(value);
    }

    /** A gear and a chevron: settings that open below. */
    private static HBox icons() {
        HBox h = new HBox(2, new FontIcon(Feather.SETTINGS), new FontIcon(Feather.CHEVRON_DOWN));
        h.setAlignment(Pos.CENTER);
        return h;
    }

    Button button() {
        return button;
    }

    /** Shows or hides the settings under the button, in the window's type size, font and style sheet. */
    void toggle() {
        if (popover.isShowing()) {
            popover.hide();
            return;
        }
        // a popup is a window of its own: it takes the window's font and size from its root
        var root = button.getScene().getRoot();
        content.setStyle(root.getStyle());
        content.getStylesheets().setAll(root.getStylesheets());
        popover.show(button);
    }

    boolean showing() {
        return popover.isShowing();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> to, java.util.function.Function<String, T> from) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : to.apply(v);
            }

            @Override
            public T fromString(String s) {
                return from.apply(s);
            }
        };
    }
}
