package io.connlab.ui.profile;

import io.connlab.ui.model.ProfileStore;
import io.connlab.ui.model.ProfileStore.Saved;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The saved profiles as the window shows them (the backend chooser, the Profiles dialog): read
 * from the store on {@code io}, the list replaced on the FX thread.
 */
public final class SavedProfiles {
    private static final Logger LOG = LoggerFactory.getLogger(SavedProfiles.class);
    private final ProfileStore store;
    private final Executor io;
    private final ObservableList<Saved> list = FXCollections.observableArrayList();
    private boolean replacing;

    public SavedProfiles(ProfileStore store, Executor io) {
        this.store = store;
        this.io = io;
    }

    public ProfileStore store() {
        return store;
    }

    Executor io() {
        return io;
    }

    /** Every saved file, valid ones first; FX thread. */
    public ObservableList<Saved> list() {
        return list;
    }

    /** Reads the folder again; completes on the FX thread once the list is replaced. */
    public CompletableFuture<Void> refresh() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        io.execute(() -> {
            List<Saved> read;
            try {
                read = store.list();
            } catch (Exception e) {
                LOG.warn("cannot list the profiles in {}: {}", store.folder(), e.getMessage());
                read = List.of();
            }
            List<Saved> found = read;
            Platform.runLater(() -> {
                if (!list.equals(found)) {
                    replacing = true; // a selection change from replacing the items is not the user's
                    try {
                        list.setAll(found);
                    } finally {
                        replacing = false;
                    }
                }
                done.complete(null);
            });
        });
        return done;
    }

    /** True while the list's items are being replaced (listeners on a selection can tell it from the user's); FX thread. */
    boolean replacing() {
        return replacing;
    }

    /** The saved profile in {@code file}; FX thread. */
    public Optional<Saved> find(Path file) {
        return list.stream().filter(s -> s.file().equals(file)).findFirst();
    }
}
