package io.connlab.ui.comparison;

import io.connlab.metrics.Technique;
import io.connlab.ui.canvas.LatencyChart;
import io.connlab.ui.canvas.Palette;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.RunComparison;
import io.connlab.ui.model.RunComparison.Side;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the lanes were: which two saved runs are compared (file, backend, date), what to be
 * careful of, a "Back to live view" button, and one latency chart per lane on a shared axis.
 */
public final class ComparisonView extends VBox {

    private final List<ComparedLatencyChart> charts = new ArrayList<>();

    public ComparisonView(RunComparison c, Palette palette, Runnable back) {
        getStyleClass().add("comparison-view");
        setId("comparison-view");

        Label title = new Label(I18n.t("compare.title"));
        title.getStyleClass().add("comparison-title");
        Button backButton = new Button(I18n.t("compare.back"), new FontIcon(Feather.ARROW_LEFT));
        backButton.setId("compare-back");
        backButton.getStyleClass().add("accent");
        backButton.setOnAction(e -> back.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(title, gap, backButton);
        head.getStyleClass().add("comparison-head");

        VBox runs = new VBox();
        runs.getStyleClass().add("comparison-runs");
        for (Side s : Side.values()) {
            javafx.scene.shape.Line sample = new javafx.scene.shape.Line(0, 0, 40, 0); // the legend: A solid, B dashed
            sample.getStyleClass().addAll("legend-line", s == Side.A ? "run-a" : "run-b");
            Label l = new Label(c.heading(s) + "   " + I18n.t(s == Side.A ? "compare.solid" : "compare.dashed"), sample);
            l.setId("compare-heading-" + s.name().toLowerCase(java.util.Locale.ROOT));
            l.getStyleClass().add("comparison-run");
            runs.getChildren().add(l);
        }
        List<String> notes = new ArrayList<>();
        if (c.sameFile()) notes.add(I18n.t("compare.sameFile"));
        if (!c.settingDifferences().isEmpty()) notes.add(I18n.t("compare.settingsDiffer", String.join("; ", c.settingDifferences())));
        Label note = new Label(String.join("\n", notes));
        note.setId("compare-note");
        note.getStyleClass().add("comparison-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE); // wrapped in full, never cut to "…"

        note.setVisible(!notes.isEmpty());
        note.setManaged(!notes.isEmpty());

        HBox row = new HBox();
        row.getStyleClass().add("comparison-charts");
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Technique k : c.lanes()) {
            ComparedLatencyChart chart = new ComparedLatencyChart(palette, k, c);
            charts.add(chart);
            min = Math.min(min, chart.range()[0]);
            max = Math.max(max, chart.range()[1]);
            Label name = new Label(I18n.t("lane." + k.id()));
            name.getStyleClass().addAll("lane-title", "lane-header", "lane-" + k.id());
            VBox box = new VBox(name, chart);
            box.getStyleClass().add("compared-lane");
            VBox.setVgrow(chart, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMinWidth(0);
            box.setPrefWidth(0); // equal shares of the row, whatever the names' lengths
            row.getChildren().add(box);
        }
        double[] d = LatencyChart.decades(min, max);
        charts.forEach(ch -> ch.useScale(d[0], d[1]));
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(head, runs, note, row);
    }

    public List<ComparedLatencyChart> charts() {
        return List.copyOf(charts);
    }
}
