package io.connlab.ui.profile;

import io.connlab.ui.dialog.Dialogs;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileFields;
import io.connlab.ui.model.ProfileStore;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Executor;

/**
 * "Import…": a saved profile, the whole output of {@code connlab serve}, or the JSON of
 * {@code aws cloudformation describe-stacks}, pasted or read from a file. Text that is none
 * of them keeps the dialog open with the reason.
 */
final class ImportDialog extends Dialog<ProfileFields> {
    /** Bigger than any of the three formats: a wrong file is refused before it is read. */
    private static final long MAX_BYTES = 1 << 20;
    private final TextArea text = new TextArea();
    private final Label message = new Label();

    ImportDialog(Window owner, ProfileStore store, Executor io) {
        initOwner(owner);
        setTitle(I18n.t("profiles.import.title"));
        setHeaderText(I18n.t("profiles.import.header"));
        getDialogPane().setId("import-dialog");
        text.setId("import-text");
        text.setPromptText(I18n.t("profiles.import.prompt"));
        text.setPrefRowCount(14);
        text.setPrefColumnCount(60);
        text.setWrapText(false);
        Button file = new Button(I18n.t("profiles.import.file"));
        file.setId("import-file");
        file.setOnAction(e -> readFile(io));
        message.setId("import-message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMaxWidth(640);
        getDialogPane().setContent(new VBox(8, file, text, message));
        ButtonType importType = new ButtonType(I18n.t("profiles.import.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(importType, Dialogs.cancel());
        Button ok = (Button) getDialogPane().lookupButton(importType);
        ok.setId("import-ok");
        ok.disableProperty().bind(text.textProperty().isEmpty());
        ProfileFields[] imported = new ProfileFields[1];
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                imported[0] = store.importText(text.getText());
            } catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
                message.setText(I18n.t("profiles.import.failed", ex.getMessage()));
                e.consume(); // stays open, the text kept to correct
            }
        });
        setResultConverter(b -> b == importType ? imported[0] : null);
        // the window's font (Chinese without system CJK fonts), its A+ and theme, and a size that fits the screen
        Dialogs.dress(getDialogPane(), owner);
    }

    TextArea text() {
        return text;
    }

    private void readFile(Executor io) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("profiles.import.file"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(I18n.t("files.profileFilter"), "*.json", "*.txt"),
                new FileChooser.ExtensionFilter(I18n.t("files.anyFile"), "*"));
        File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (f == null) return;
        message.setText("");
        io.execute(() -> {
            String read;
            try {
                read = Files.size(f.toPath()) > MAX_BYTES ? null : Files.readString(f.toPath(), StandardCharsets.UTF_8);
            } catch (Exception ex) {
                String why = I18n.t("profiles.import.unreadable", f, ex.getMessage());
                Platform.runLater(() -> message.setText(why));
                return;
            }
            String content = read;
            Platform.runLater(() -> {
                if (content == null) message.setText(I18n.t("profiles.import.tooBig", f));
                else text.setText(content);
            });
        });
    }
}
