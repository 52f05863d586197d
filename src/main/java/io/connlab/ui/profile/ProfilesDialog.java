package io.connlab.ui.profile;

import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileFields;
import io.connlab.ui.model.ProfileFields.Field;
import io.connlab.ui.model.ProfileStore.Saved;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;

/**
 * "Manage profiles…": the saved endpoint profiles on the left (new, duplicate, delete,
 * import), the chosen one's form on the right (validated as typed; Save only when valid),
 * "Test connection" under it, and "Use this backend". Disk and network off the FX thread.
 */
public final class ProfilesDialog {
    private final SavedProfiles profiles;
    private final ObjectProperty<BackendChoice> backend;
    private final ListView<Saved> list = new ListView<>();
    private final ProfileForm form;
    private final ConnectionTestPane test;
    private final Label status = new Label();
    private final BorderPane root = new BorderPane();
    private Path file; // the file the form was loaded from, null for a new profile
    private Stage stage;
    private boolean selecting;

    public ProfilesDialog(SavedProfiles profiles, ObjectProperty<BackendChoice> backend) {
        this.profiles = profiles;
        this.backend = backend;
        form = new ProfileForm(profiles.store()::problems);
        test = new ConnectionTestPane(profiles.store(), form::value, form.validProperty());

        list.setId("profile-list");
        list.setItems(profiles.list());
        list.setCellFactory(v -> new SavedCell());
        list.setPrefWidth(300);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // only the user's choice of another profile loads it (and may ask about unsaved edits)
            if (!selecting && !profiles.replacing() && b != null && !b.file().equals(file)) open(b, a);
        });
        Button add = button("profile-new", I18n.t("profiles.new"), Feather.PLUS, this::newProfile);
        Button copy = button("profile-duplicate", I18n.t("profiles.duplicate"), Feather.COPY, this::duplicate);
        Button delete = button("profile-delete", I18n.t("profiles.delete"), Feather.TRASH_2, this::delete);
        Button importButton = button("profile-import", I18n.t("profiles.import"), Feather.DOWNLOAD, this::importProfile);
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        VBox left = new VBox(8, list, new HBox(6, add, copy), new HBox(6, delete, importButton));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button save = button("profile-save", I18n.t("profiles.save"), Feather.SAVE, this::save);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(form.validProperty().not());
        Button use = button("profile-use", I18n.t("profiles.use"), Feather.CHECK, this::use);
        use.disableProperty().bind(form.validProperty().not());
        Button close = button("profile-close", I18n.t("profiles.close"), null, () -> {
            if (stage != null) stage.close(); // unsaved edits stay in the form for the next opening
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        status.setId("profile-status");
        status.setWrapText(true);
        HBox actions = new HBox(8, save, use, status, gap, close);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        VBox right = new VBox(10, formScroll, test, actions);
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 12));

        root.setLeft(left);
        root.setCenter(right);
        root.setPadding(new Insets(12));
        root.setId("profiles-dialog");
        root.getStyleClass().add("profiles-dialog");
        newProfile();
    }

    /** The dialog's content (tests and screenshots show it in their own stage). */
    public Parent root() {
        return root;
    }

    /** Opens the dialog over {@code owner}, with the same stylesheet and type size; FX thread. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle(I18n.t("profiles.title"));
            // never taller or wider than the screen it opens on (a projector's 1280×720): Save and Import stay on it
            javafx.geometry.Rectangle2D screen = io.connlab.ui.dialog.Dialogs.screenOf(owner);
            javafx.scene.control.ScrollPane fitted = new javafx.scene.control.ScrollPane(root);
            fitted.setFitToWidth(true);
            fitted.setFitToHeight(true);
            fitted.getStyleClass().add("edge-to-edge");
            Scene scene = new Scene(fitted, Math.min(1180, screen.getWidth() * 0.95), Math.min(780, screen.getHeight() * 0.9));
            io.connlab.ui.dialog.Dialogs.follow(fitted, owner);
            stage.setScene(scene);
            stage.setOnHidden(e -> test.clear());
        }
        profiles.refresh().thenRun(this::selectShown);
        stage.show();
        stage.toFront();
    }

    /** Marks the profile the form shows in the list; with none shown, opens the backend's own profile. */
    private void selectShown() {
        if (file != null || form.editedProperty().get()) {
            if (file != null) profiles.find(file).ifPresent(this::mark);
            return;
        }
        BackendChoice b = backend.get();
        if (b != null && !b.isMock()) profiles.find(b.profile()).ifPresent(s -> list.getSelectionModel().select(s));
    }

    /** Selects a profile in the list without loading it again. */
    private void mark(Saved s) {
        selecting = true;
        list.getSelectionModel().select(s);
        selecting = false;
    }

    private void open(Saved s, Saved previous) {
        if (!discardEdits()) {
            selecting = true;
            if (previous == null) list.getSelectionModel().clearSelection();
            else list.getSelectionModel().select(previous);
            selecting = false;
            return;
        }
        test.clear();
        file = s.file();
        if (s.valid()) {
            form.load(s.fields());
            status.setText("");
        } else {
            form.load(ProfileFields.newLive(""));
            status.setText(I18n.t("profiles.invalidFile", s.file().getFileName(), s.problem()));
        }
    }

    void newProfile() {
        if (!discardEdits()) return;
        show(ProfileFields.newLive(I18n.t("profiles.newName")), null);
    }

    private void duplicate() {
        if (!discardEdits()) return;
        ProfileFields f = form.value();
        show(f.with(Field.NAME, I18n.t("profiles.copyName", f.get(Field.NAME))), null);
    }

    private void show(ProfileFields f, Path from) {
        selecting = true;
        list.getSelectionModel().clearSelection();
        selecting = false;
        test.clear();
        file = from;
        form.load(f);
        status.setText("");
    }

    private void delete() {
        Saved s = list.getSelectionModel().getSelectedItem();
        if (s == null) return;
        ButtonType ok = io.connlab.ui.dialog.Dialogs.ok();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, I18n.t("profiles.deleteAsk", s.name(), s.file()),
                ok, io.connlab.ui.dialog.Dialogs.cancel());
        ask.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        io.connlab.ui.dialog.Dialogs.dress(ask.getDialogPane(), ask.getOwner());
        ask.setHeaderText(I18n.t("profiles.deleteTitle"));
        ask.getDialogPane().setId("profile-delete-confirm");
        ask.showAndWait().filter(b -> b == ok).ifPresent(b -> background(() -> {
            profiles.store().delete(s.file());
            return I18n.t("profiles.deleted", s.name());
        }, null));
    }

    private void importProfile() {
        if (!discardEdits()) return;
        ImportDialog d = new ImportDialog(root.getScene() == null ? null : root.getScene().getWindow(), profiles.store(), profiles.io());
        d.showAndWait().ifPresent(f -> {
            // importing a stack again (a new deploy) replaces its profile of the same name
            Path same = profiles.list().stream().filter(s -> s.valid() && s.name().equals(f.get(Field.NAME)))
                    .map(Saved::file).findFirst().orElse(null);
            show(f, same);
            save();
        });
    }

    void save() {
        save(() -> { });
    }

    /** Saves the form (when valid), then {@code andThen} once it is on disk and listed. */
    private void save(Runnable andThen) {
        if (!form.validProperty().get()) return;
        ProfileFields f = form.value();
        Path from = file;
        Path[] written = new Path[1];
        background(() -> {
            written[0] = profiles.store().save(f, from);
            return I18n.t("profiles.saved", written[0]);
        }, () -> {
            file = written[0];
            form.load(f);
            profiles.find(written[0]).ifPresent(this::mark);
            andThen.run();
        });
    }

    /** Switches the lab to this profile, saved first when it was changed. */
    private void use() {
        Runnable switchTo = () -> {
            backend.set(BackendChoice.profile(file));
            if (stage != null) stage.close();
        };
        if (file == null || form.editedProperty().get()) save(switchTo);
        else switchTo.run();
    }

    /** True when there is nothing unsaved, or the user agrees to drop it. */
    private boolean discardEdits() {
        if (!form.editedProperty().get()) return true;
        ButtonType ok = io.connlab.ui.dialog.Dialogs.ok();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, I18n.t("profiles.discardAsk", form.value().get(Field.NAME)),
                ok, io.connlab.ui.dialog.Dialogs.cancel());
        ask.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        io.connlab.ui.dialog.Dialogs.dress(ask.getDialogPane(), ask.getOwner());
        ask.getDialogPane().setId("profile-discard-confirm");
        return ask.showAndWait().filter(b -> b == ok).isPresent();
    }

    private interface Work {
        String run() throws Exception;
    }

    /** Disk work on io; its outcome in the status line, the list read again, then {@code after} on the FX thread. */
    private void background(Work work, Runnable after) {
        status.setText(I18n.t("profiles.working"));
        profiles.io().execute(() -> {
            String said;
            boolean ok;
            try {
                said = work.run();
                ok = true;
            } catch (Exception e) {
                said = I18n.t("profiles.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                ok = false;
            }
            String text = said;
            boolean done = ok;
            Platform.runLater(() -> profiles.refresh().thenRun(() -> {
                if (done && after != null) after.run();
                status.setText(text);
            }));
        });
    }

    private static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, icon == null ? null : new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
