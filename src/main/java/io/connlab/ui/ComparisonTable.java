package io.connlab.ui;

import io.connlab.metrics.Technique;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/** The comparison table under the lanes: one row per figure, one column per lane in its accent. */
public final class ComparisonTable extends TableView<ComparisonRow> {

    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();

    /** @param shown whether a lane's column is shown (the same switch as its lane column) */
    public ComparisonTable(List<Technique> lanes, Function<Technique, javafx.beans.value.ObservableBooleanValue> shown) {
        setItems(rows);
        getStyleClass().addAll("comparison-table", "striped");
        setId("comparison");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("Start a run to compare the lanes."));

        TableColumn<ComparisonRow, String> figure = new TableColumn<>("figure");
        figure.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        figure.setSortable(false);
        figure.getStyleClass().add("figure-cell");
        getColumns().add(figure);
        for (Technique k : lanes) {
            TableColumn<ComparisonRow, String> col = new TableColumn<>();
            Label head = new Label(k.label());
            head.getStyleClass().addAll("lane-header", "lane-" + k.id());
            col.setGraphic(head);
            col.setId("comparison-" + k.id());
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(k)));
            col.setSortable(false);
            col.getStyleClass().add("number-cell");
            col.visibleProperty().bind(shown.apply(k));
            getColumns().add(col);
        }
    }

    /** Replaces the rows when they changed (cheap to call a few times a second). */
    public void show(List<ComparisonRow> newRows) {
        if (!rows.equals(newRows)) rows.setAll(newRows);
    }

    public ObservableList<ComparisonRow> rows() {
        return rows;
    }
}
