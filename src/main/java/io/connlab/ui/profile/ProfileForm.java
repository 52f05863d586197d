package io.connlab.ui.profile;

import atlantafx.base.theme.Styles;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileFields;
import io.connlab.ui.model.ProfileFields.Field;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every field of one endpoint profile, checked as it is typed with the profile's own rules
 * ({@code problems}): a wrong field gets a red border and its reason beside it, and
 * {@link #validProperty()} turns false.
 */
final class ProfileForm extends GridPane {
    private final Function<ProfileFields, Map<Field, String>> problems;
    private final Map<Field, TextField> texts = new EnumMap<>(Field.class);
    private final Map<Field, Label> messages = new EnumMap<>(Field.class);
    private final ChoiceBox<String> kind = new ChoiceBox<>(FXCollections.observableArrayList(ProfileFields.LIVE, ProfileFields.MOCK));
    private final ChoiceBox<String> publish = new ChoiceBox<>(FXCollections.observableArrayList("sns", "websocket"));
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");
    private boolean loading;

    ProfileForm(Function<ProfileFields, Map<Field, String>> problems) {
        this.problems = problems;
        getStyleClass().add("profile-form");
        setHgap(10);
        setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints inputs = new ColumnConstraints(260, 360, Double.MAX_VALUE);
        inputs.setHgrow(Priority.ALWAYS);
        ColumnConstraints reasons = new ColumnConstraints(160, 240, 320);
        getColumnConstraints().addAll(names, inputs, reasons);
        kind.setConverter(converter(k -> ProfileFields.MOCK.equals(k) ? I18n.t("profiles.kind.mock") : I18n.t("profiles.kind.live")));
        publish.setConverter(converter(p -> "sns".equals(p) ? "SNS" : "WebSocket"));
        int row = 0;
        for (Field f : Field.values()) {
            Node input;
            if (f == Field.KIND) input = kind;
            else if (f == Field.PUBLISH_PATH) input = publish;
            else {
                // the token is a secret, and the window may be on a projector
                TextField t = f == Field.TOKEN || f == Field.INSTRUCTOR_KEY ? new javafx.scene.control.PasswordField() : new TextField();
                t.setPromptText(hint(f));
                texts.put(f, t);
                t.textProperty().addListener((o, a, b) -> changed());
                input = t;
            }
            input.setId("profile-" + id(f));
            Label name = new Label(label(f));
            name.getStyleClass().add("field-name");
            name.setLabelFor(input);
            Label message = new Label();
            message.setId("profile-" + id(f) + "-message");
            message.getStyleClass().add("field-message");
            message.setWrapText(true);
            messages.put(f, message);
            addRow(row++, name, input, message);
        }
        kind.valueProperty().addListener((o, a, b) -> changed());
        publish.valueProperty().addListener((o, a, b) -> changed());
        load(ProfileFields.newLive(""));
    }

    /** Shows a profile's fields (not an edit). */
    void load(ProfileFields f) {
        loading = true;
        try {
            texts.forEach((field, t) -> t.setText(f.get(field)));
            kind.setValue(f.live() ? ProfileFields.LIVE : ProfileFields.MOCK);
            publish.setValue(f.get(Field.PUBLISH_PATH).isBlank() ? "websocket" : f.get(Field.PUBLISH_PATH).toLowerCase(Locale.ROOT));
        } finally {
            loading = false;
        }
        edited.set(false);
        check();
    }

    ProfileFields value() {
        Map<Field, String> m = new EnumMap<>(Field.class);
        texts.forEach((f, t) -> m.put(f, t.getText()));
        m.put(Field.KIND, kind.getValue());
        m.put(Field.PUBLISH_PATH, publish.getValue());
        return new ProfileFields(m);
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True once the user changed a field since the last {@link #load}. */
    ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** The reason shown beside a field ("" when it is fine). */
    String message(Field f) {
        return messages.get(f).getText();
    }

    private void changed() {
        if (loading) return;
        edited.set(true);
        check();
    }

    private void check() {
        Map<Field, String> found = problems.apply(value());
        messages.forEach((f, l) -> {
            String m = found.getOrDefault(f, "");
            l.setText(m);
            Node input = f == Field.KIND ? kind : f == Field.PUBLISH_PATH ? publish : texts.get(f);
            input.pseudoClassStateChanged(Styles.STATE_DANGER, !m.isEmpty());
        });
        valid.set(found.isEmpty());
    }

    static String id(Field f) {
        return f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String label(Field f) {
        return switch (f) {
            case NAME -> I18n.t("profiles.field.name");
            case KIND -> I18n.t("profiles.field.kind");
            case WEBSOCKET_URL -> I18n.t("profiles.field.websocketUrl");
            case POLL_URL -> I18n.t("profiles.field.pollUrl");
            case INVOKE_URL -> I18n.t("profiles.field.invokeUrl");
            case TOPIC_ARN -> I18n.t("profiles.field.topicArn");
            case REGION -> I18n.t("profiles.field.region");
            case AWS_PROFILE -> I18n.t("profiles.field.awsProfile");
            case TOKEN -> I18n.t("profiles.field.token");
            case PUBLISH_PATH -> I18n.t("profiles.field.publishPath");
            case SNS_ENDPOINT -> I18n.t("profiles.field.snsEndpoint");
            case CONNECTIONS_URL -> I18n.t("profiles.field.connectionsUrl");
            case ADMIN_URL -> I18n.t("profiles.field.adminUrl");
            case INSTRUCTOR_KEY -> I18n.t("profiles.field.instructorKey");
        };
    }

    private static String hint(Field f) {
        return switch (f) {
            case WEBSOCKET_URL -> "wss://abc123.execute-api.us-east-1.amazonaws.com/dev";
            case POLL_URL -> "https://…/dev/poll";
            case INVOKE_URL -> "https://…/dev/invoke";
            case TOPIC_ARN -> "arn:aws:sns:us-east-1:123456789012:connlab";
            case REGION -> "us-east-1";
            case AWS_PROFILE, TOKEN, SNS_ENDPOINT, CONNECTIONS_URL, ADMIN_URL, INSTRUCTOR_KEY -> I18n.t("profiles.hint.optional");
            default -> "";
        };
    }

    private static StringConverter<String> converter(Function<String, String> shown) {
        return new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : shown.apply(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }
}
