package io.connlab.ui.comparison;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/**
 * The comparison table under the lanes: one row per figure, one column per lane in its accent.
 * Its rows are {@link Comparison}'s, the same as {@code bench} prints; before the first run it
 * shows the rows of lanes that have counted nothing yet, so it keeps its shape when a run starts.
 */
public final class ComparisonTable extends TableView<Comparison.Row> {

    private final ObservableList<Comparison.Row> rows = FXCollections.observableArrayList();
    private final List<Comparison.Row> idleRows;

    /** @param shown whether a lane's column is shown (the same switch as its lane column) */
    public ComparisonTable(List<Technique> lanes, Function<Technique, ObservableBooleanValue> shown) {
        idleRows = Comparison.of(lanes.stream().map(LaneSnapshot::idle).toList()).rows();
        setItems(rows);
        getStyleClass().addAll("comparison-table", "striped");
        setId("comparison");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<Comparison.Row, String> figure = new TableColumn<>(I18n.t("table.figure"));
        figure.setCellValueFactory(c -> new ReadOnlyStringWrapper(I18n.row(c.getValue().label())));
        figure.setSortable(false);
        figure.getStyleClass().add("figure-cell");
        figure.setPrefWidth(150); // the widths are shares under the constrained policy: the lanes get most of it
        figure.setMinWidth(60);
        getColumns().add(figure);
        // the pool lanes under one "Pool" header, each by its short name as on the toolbar: narrow
        // columns at large type then need no wrapping of "Pool: unpooled"
        TableColumn<Comparison.Row, String> pool = new TableColumn<>(I18n.t("toolbar.pool"));
        pool.getStyleClass().add("pool-header");
        for (Technique k : lanes) {
            TableColumn<Comparison.Row, String> col = new TableColumn<>();
            Label head = new Label(I18n.t(k.isPool() ? "toolbar.lane." + k.id() : "lane." + k.id()));
            head.getStyleClass().addAll("lane-header", "lane-" + k.id());
            head.setTooltip(new javafx.scene.control.Tooltip(I18n.t("lane." + k.id())));
            head.setMinWidth(0);
            col.setGraphic(head);
            col.setId("comparison-" + k.id());
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(k)));
            col.setSortable(false);
            col.getStyleClass().add("number-cell");
            col.visibleProperty().bind(shown.apply(k));
            col.setMinWidth(40);
            col.setPrefWidth(110);
            if (k.isPool()) pool.getColumns().add(col);
            else getColumns().add(col);
        }
        if (!pool.getColumns().isEmpty()) {
            pool.setSortable(false);
            // (the table hides the "Pool" header itself when all three lanes are hidden)
            getColumns().add(pool);
        }
        rows.setAll(idleRows);
    }

    /** Replaces the rows when they changed (cheap to call a few times a second); empty = no run yet. */
    public void show(List<Comparison.Row> newRows) {
        List<Comparison.Row> next = newRows.isEmpty() ? idleRows : newRows;
        if (!rows.equals(next)) rows.setAll(next);
    }

    public ObservableList<Comparison.Row> rows() {
        return rows;
    }
}
