package io.connlab.ui;

import io.connlab.ui.model.I18n;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.toolbar.LabToolbar;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.ToolbarModel;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The toolbar's file actions: open the Profiles dialog, save the results as JSON or CSV, save
 * a picture of the window, choose two saved runs to compare. The dialogs run on the FX thread; the writing on the run control's
 * background thread, reported in the status line.
 */
final class FileDialogs {

    private final LabEngine engine;
    private final RunControlModel run;
    private final ToolbarModel toolbar;
    private final Node root;
    private final Consumer<List<Path>> compare;
    private final Runnable manageProfiles;

    /**
     * @param compare        shows two saved runs side by side (A, B)
     * @param manageProfiles opens the Profiles dialog (the toolbar's folder button)
     */
    FileDialogs(LabEngine engine, RunControlModel run, ToolbarModel toolbar, Node root, Consumer<List<Path>> compare,
                Runnable manageProfiles) {
        this.manageProfiles = manageProfiles;
        this.engine = engine;
        this.run = run;
        this.toolbar = toolbar;
        this.root = root;
        this.compare = compare;
    }

    LabToolbar.FileActions actions() {
        return new LabToolbar.FileActions(manageProfiles, () -> saveResults(true), () -> saveResults(false),
                this::savePicture, this::compareRuns);
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void saveResults(boolean json) {
        var saver = engine.results();
        if (saver.isEmpty()) {
            run.perform(I18n.t("files.saveResults"), () -> {
                throw new IllegalStateException(I18n.t("files.noResults"));
            });
            return;
        }
        Path file = chooseSave(json ? "connlab-results.json" : "connlab-results.csv",
                json ? I18n.t("files.jsonFilter") : I18n.t("files.csvFilter"), json ? "*.json" : "*.csv");
        if (file == null) return;
        run.perform(I18n.t("files.saving", file.getFileName()), () -> {
            if (json) saver.get().saveJson(file);
            else saver.get().saveCsv(file);
        });
    }

    /** Both runs in one dialog (select two), or, when one was chosen, the second in another. */
    private void compareRuns() {
        List<Path> files = new ArrayList<>(chooseRuns(I18n.t("files.compareTitle"), true));
        if (files.size() == 1) files.addAll(chooseRuns(I18n.t("files.compareSecond", files.get(0).getFileName()), false));
        if (!files.isEmpty()) compare.accept(files);
    }

    private List<Path> chooseRuns(String title, boolean many) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(I18n.t("files.runFilter"), "*.json"),
                new FileChooser.ExtensionFilter(I18n.t("files.anyFile"), "*"));
        List<File> chosen = many ? chooser.showOpenMultipleDialog(owner()) : Optional.ofNullable(chooser.showOpenDialog(owner()))
                .map(List::of).orElse(null);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    private void savePicture() {
        Path file = chooseSave("connlab.png", I18n.t("files.pngFilter"), "*.png");
        if (file == null) return;
        WindowPicture picture = WindowPicture.of(root.getScene());
        run.perform(I18n.t("files.saving", file.getFileName()), () -> picture.save(file));
    }

    private Path chooseSave(String name, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = chooser.showSaveDialog(owner());
        return f == null ? null : f.toPath();
    }
}
