package io.connlab.ui.profile;

import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileStore.Saved;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

import java.util.ArrayList;
import java.util.List;

/**
 * The toolbar's backend chooser: the bundled mock, every saved profile by its name, and last
 * "Manage profiles…", which opens the Profiles dialog and leaves the backend as it was.
 */
public final class BackendChooser extends ComboBox<BackendChooser.Item> {

    /** One entry: a backend, or (choice null) "Manage profiles…". */
    public record Item(BackendChoice choice) {
    }

    static final Item MANAGE = new Item(null);
    private final ObjectProperty<BackendChoice> model;
    private SavedProfiles saved;
    private Runnable manage = () -> { };
    private boolean syncing;

    public BackendChooser(ObjectProperty<BackendChoice> model) {
        this.model = model;
        setCellFactory(v -> new Cell());
        setButtonCell(new Cell());
        rebuild();
        model.addListener((o, a, b) -> rebuild());
        valueProperty().addListener((o, a, b) -> {
            if (syncing || b == null) return;
            if (b == MANAGE) {
                // put the backend back first: the dialog is not a backend
                Platform.runLater(() -> {
                    rebuild();
                    manage.run();
                });
            } else if (!b.choice().equals(model.get())) {
                model.set(b.choice());
            }
        });
    }

    /** The saved profiles to offer, and what "Manage profiles…" opens; FX thread. */
    public void offer(SavedProfiles profiles, Runnable openProfiles) {
        saved = profiles;
        manage = openProfiles;
        profiles.list().addListener((ListChangeListener<Saved>) c -> rebuild());
        setOnShowing(e -> profiles.refresh()); // a profile saved by deploy.sh meanwhile shows up
        rebuild();
    }

    private void rebuild() {
        List<Item> items = new ArrayList<>();
        items.add(new Item(BackendChoice.mock()));
        if (saved != null) {
            for (Saved s : saved.list()) if (s.valid()) items.add(new Item(BackendChoice.profile(s.file())));
        }
        Item current = new Item(model.get());
        if (model.get() != null && !items.contains(current)) items.add(current); // a profile opened from elsewhere
        items.add(MANAGE);
        syncing = true;
        try {
            if (!getItems().equals(items)) getItems().setAll(items); // unchanged: no flicker under the pointer
            setValue(model.get() == null ? null : current);
        } finally {
            syncing = false;
        }
    }

    private String text(Item item) {
        if (item == MANAGE) return I18n.t("profiles.manage");
        BackendChoice c = item.choice();
        if (c.isMock()) return c.toString();
        return saved == null ? c.toString() : saved.find(c.profile()).map(Saved::name).orElse(c.toString());
    }

    private final class Cell extends ListCell<Item> {
        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text(item));
        }
    }
}
