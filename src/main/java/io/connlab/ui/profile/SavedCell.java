package io.connlab.ui.profile;

import atlantafx.base.theme.Styles;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileStore.Saved;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** Two lines: the name, and under it what kind of backend it is (or that the file is not a profile). */
final class SavedCell extends ListCell<Saved> {
    @Override
    protected void updateItem(Saved s, boolean empty) {
        super.updateItem(s, empty);
        setText(null);
        if (empty || s == null) {
            setGraphic(null);
            return;
        }
        Label name = new Label(s.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label kind = new Label(!s.valid() ? I18n.t("profiles.invalid") : s.live() ? I18n.t("profiles.kind.live")
                : I18n.t("profiles.kind.mock"));
        kind.getStyleClass().addAll(Styles.TEXT_SMALL, s.valid() ? Styles.TEXT_MUTED : Styles.DANGER);
        setGraphic(new VBox(2, name, kind));
    }
}
