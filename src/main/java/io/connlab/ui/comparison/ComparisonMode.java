package io.connlab.ui.comparison;

import io.connlab.run.SavedRuns;
import io.connlab.ui.canvas.Palette;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.RunComparison;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The window comparing two saved runs instead of showing the live lab: the lanes' place holds
 * a {@link ComparisonView}, the comparison tab a {@link ComparedTable}, until "Back to live
 * view" or the next run. Files are read on the background thread; what is wrong with them is
 * said in a dialog, in the user's words.
 */
public final class ComparisonMode {
    private static final Logger LOG = LoggerFactory.getLogger(ComparisonMode.class);

    private final StackPane lanesSlot;
    private final Node liveLanes;
    private final Tab tableTab;
    private final Node liveTable;
    private final Palette palette;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<RunComparison> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private javafx.scene.control.SplitPane split;
    private double liveDivider;

    /** @param lanesSlot holds the live lanes now; {@code tableTab} the live comparison table */
    public ComparisonMode(StackPane lanesSlot, Tab tableTab, Palette palette, Executor background, Executor fx) {
        this.lanesSlot = lanesSlot;
        this.liveLanes = lanesSlot.getChildren().get(0);
        this.tableTab = tableTab;
        this.liveTable = tableTab.getContent();
        this.palette = palette;
        this.background = background;
        this.fx = fx;
    }

    /** Compares two saved runs, A then B; FX thread. Fewer or more than two files get a message instead. */
    public void compare(List<Path> files) {
        Optional<String> count = RunComparison.countProblem(files.size());
        if (count.isPresent()) {
            refuse(count.get());
            return;
        }
        problem.set("");
        background.execute(() -> {
            try {
                RunComparison c = RunComparison.load(files.get(0), files.get(1));
                fx.execute(() -> show(c));
            } catch (SavedRuns.NotASavedRun e) {
                LOG.info("not compared: {}", e.getMessage());
                fx.execute(() -> refuse(RunComparison.explain(e)));
            } catch (RuntimeException e) {
                LOG.warn("comparing {} failed", files, e);
                fx.execute(() -> refuse(I18n.t("compare.failed", String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Back to the live lab; nothing happens when it is shown already. */
    public void leave() {
        if (shown.get() == null) return;
        shown.set(null);
        lanesSlot.getChildren().setAll(liveLanes);
        tableTab.setContent(liveTable);
        if (split != null) split.setDividerPositions(liveDivider);
    }

    /** The comparison shown, null while the live lab is. */
    public ReadOnlyObjectProperty<RunComparison> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The last refusal (empty after a comparison was shown). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** While comparing, the table gets nearly half of {@code lanesOverTable} (its figures are what is read; the charts need less). */
    public void resizeWith(javafx.scene.control.SplitPane lanesOverTable) {
        split = lanesOverTable;
    }

    /** Two .json files dropped on {@code target} are compared like two chosen ones; not while {@code running}. */
    public void acceptDrops(Node target, javafx.beans.value.ObservableBooleanValue running) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !running.get()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(!dropped.isEmpty());
            e.consume();
            if (!dropped.isEmpty()) compare(dropped.stream().map(File::toPath).toList());
        });
    }

    private void show(RunComparison c) {
        ComparisonView view = new ComparisonView(c, palette, this::leave);
        // large type on a small screen: the charts keep their height and the view scrolls
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        lanesSlot.getChildren().setAll(scroll);
        tableTab.setContent(new ComparedTable(c));
        tableTab.getTabPane().getSelectionModel().select(tableTab);
        if (split != null && shown.get() == null) {
            liveDivider = split.getDividerPositions()[0];
            split.setDividerPositions(0.56);
        }
        shown.set(c);
    }

    private void refuse(String message) {
        problem.set(message);
        Alert alert = new Alert(Alert.AlertType.WARNING, message);
        alert.setTitle(I18n.t("compare.cannot"));
        alert.setHeaderText(I18n.t("compare.cannot"));
        alert.getDialogPane().setId("compare-problem");
        Node owner = lanesSlot;
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            alert.initOwner(owner.getScene().getWindow());
            io.connlab.ui.dialog.Dialogs.dress(alert.getDialogPane(), owner.getScene().getWindow()); // the window's font and type size
        }
        alert.show();
    }
}
