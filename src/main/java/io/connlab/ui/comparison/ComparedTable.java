package io.connlab.ui.comparison;

import io.connlab.metrics.Technique;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.RunComparison;
import io.connlab.ui.model.RunComparison.Side;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * Two saved runs in the comparison table: one column group per lane, run A's figures next to
 * run B's, and B's p50 and p99 as a multiple of A's. A lane one run lacks says "not in this run".
 */
public final class ComparedTable extends TableView<RunComparison.Row> {

    public ComparedTable(RunComparison c) {
        getStyleClass().addAll("comparison-table", "compared-table", "striped");
        setId("compared-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RunComparison.Row, String> figure = new TableColumn<>(I18n.t("table.figure"));
        figure.setCellValueFactory(r -> new ReadOnlyStringWrapper(label(r.getValue())));
        figure.setSortable(false);
        figure.getStyleClass().add("figure-cell");
        getColumns().add(figure);
        for (Technique k : c.lanes()) {
            TableColumn<RunComparison.Row, String> lane = new TableColumn<>();
            Label head = new Label(I18n.t("lane." + k.id()));
            head.getStyleClass().addAll("lane-header", "lane-" + k.id());
            head.setMinHeight(Region.USE_PREF_SIZE);
            head.setWrapText(true);
            lane.setGraphic(head);
            lane.setId("compared-" + k.id());
            lane.getColumns().add(side(c, k, Side.A));
            lane.getColumns().add(side(c, k, Side.B));
            getColumns().add(lane);
        }
        getItems().setAll(c.tableRows());
    }

    private static String label(RunComparison.Row r) {
        if (!r.ratio()) return I18n.row(r.label());
        String base = r.label().substring(0, r.label().length() - RunComparison.RATIO_SUFFIX.length());
        return I18n.t("compare.ratio", I18n.row(base));
    }

    private static TableColumn<RunComparison.Row, String> side(RunComparison c, Technique k, Side s) {
        TableColumn<RunComparison.Row, String> col = new TableColumn<>(c.shortName(s));
        col.setId("compared-" + k.id() + "-" + s.name().toLowerCase(java.util.Locale.ROOT));
        col.setSortable(false);
        col.getStyleClass().addAll("number-cell", s == Side.A ? "run-a" : "run-b");
        String absent = I18n.t("compare.notInRun");
        col.setCellValueFactory(r -> {
            String cell = r.getValue().cell(k, s);
            return new ReadOnlyStringWrapper(cell == null ? absent : cell);
        });
        if (!c.has(k, s)) col.getStyleClass().add("not-in-run");
        return col;
    }
}
