package io.connlab.ui.toolbar;

import io.connlab.ui.model.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Says that a lesson's preset is in the toolbar's fields (for its experiment only) and offers
 * the way back to the user's own settings; hidden while the fields hold the user's values.
 */
public final class PresetBadge extends HBox {

    public PresetBadge(ToolbarModel model, RunControlModel run) {
        super(8);
        setId("preset-badge");
        getStyleClass().add("preset-badge");
        setAlignment(Pos.CENTER_LEFT);
        Label what = new Label();
        what.setId("preset-active");
        what.getStyleClass().add("preset-active");
        what.textProperty().bind(Bindings.createStringBinding(
                () -> model.presetProperty().get() == null ? "" : I18n.t("preset.active", model.presetProperty().get()),
                model.presetProperty()));
        what.setMinWidth(0);
        what.setTooltip(new Tooltip(I18n.t("preset.active.tip")));
        Button back = new Button(I18n.t("preset.back"));
        back.setId("preset-back");
        back.getStyleClass().add("small");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.disableProperty().bind(run.activityProperty().isNotEqualTo(RunControlModel.Activity.IDLE));
        back.setOnAction(e -> model.backToMine());
        getChildren().addAll(what, back);
        visibleProperty().bind(model.presetProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
