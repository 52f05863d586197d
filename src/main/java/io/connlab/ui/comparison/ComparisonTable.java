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
        getColumns().add(figure);
        for (Technique k : lanes) {
            TableColumn<Comparison.Row, String> col = new TableColumn<>();
            Label head = new Label(I18n.t("lane." + k.id()));
            head.getStyleClass().addAll("lane-header", "lane-" + k.id());
            head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            head.setWrapText(true); // a narrow column at large type wraps "Pool: unpooled" rather than cutting it
            col.setGraphic(head);
            col.setId("comparison-" + k.id());
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(k)));
            col.setSortable(false);
            col.getStyleClass().add("number-cell");
            col.visibleProperty().bind(shown.apply(k));
            getColumns().add(col);
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
