package io.connlab.ui.profile;

import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.ProfileStore;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;

import java.util.concurrent.Executor;

/** The saved profiles in the window: offered in the backend chooser, managed in the Profiles dialog (made when first opened). */
public final class ProfilesWindow {
    private final SavedProfiles saved;
    private final ObjectProperty<BackendChoice> backend;
    private ProfilesDialog dialog;

    public ProfilesWindow(ProfileStore store, Executor io, ObjectProperty<BackendChoice> backend) {
        this.saved = new SavedProfiles(store, io);
        this.backend = backend;
    }

    /** Lists the saved profiles in the chooser, with "Manage profiles…" last; FX thread. */
    public void offerIn(BackendChooser chooser) {
        chooser.offer(saved, () -> open(chooser));
        saved.refresh();
    }

    /** Opens the Profiles dialog over the window {@code near} is in; FX thread. */
    public void open(Node near) {
        if (dialog == null) dialog = new ProfilesDialog(saved, backend);
        dialog.show(near.getScene() == null ? null : near.getScene().getWindow());
    }

    /** The dialog, once opened (tests). */
    public ProfilesDialog dialog() {
        return dialog;
    }
}
