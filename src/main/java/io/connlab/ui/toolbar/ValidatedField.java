package io.connlab.ui.toolbar;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A text field bound to a model property, that shows the model's error for it right there:
 * a red border, and the message under the field and in its tooltip. Nothing is thrown.
 */
public final class ValidatedField extends VBox {

    private final TextField field = new TextField();
    private final Label message = new Label();

    public ValidatedField(String id, StringProperty value, ReadOnlyStringProperty error, int columns, String hint) {
        getStyleClass().add("validated-field");
        field.setId(id);
        field.getStyleClass().add("number-field");
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        message.setId(id + "-message");
        message.getStyleClass().add("field-message");
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotEmpty());
        // laid out by hand below the field, taking no room: an error never pushes the toolbar down
        message.setManaged(false);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.when(error.isEmpty()).then(hint).otherwise(error));
        field.setTooltip(tip);
        error.addListener((o, a, b) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !error.get().isEmpty());
        setSpacing(2);
        getChildren().addAll(field, message);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        message.autosize();
        message.relocate(field.getLayoutX(), field.getLayoutY() + field.getHeight() + 1);
    }

    public TextField field() {
        return field;
    }

    public Label message() {
        return message;
    }
}
