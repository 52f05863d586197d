package io.connlab.ui.lanes;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.metrics.WireEvent;
import io.connlab.ui.canvas.LatencyChart;
import io.connlab.ui.canvas.Palette;
import io.connlab.ui.canvas.PoolPicture;
import io.connlab.ui.canvas.SequenceStrip;
import io.connlab.ui.model.LaneCounters;
import io.connlab.ui.model.LaneFigures;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * One lane's column: title in the lane's accent, its state, the sequence strip, counters,
 * the latency chart and, for pool lanes, the pool picture. The window feeds it once per
 * frame; it never asks the engine anything itself.
 */
public final class LaneColumn extends VBox {

    private final Technique kind;
    private final Label state = new Label(I18n.t("state." + LaneState.IDLE.name()));
    private final Label detail = new Label();
    private final SequenceStrip strip;
    private final LatencyChart chart;
    private final PoolPicture pool;
    private final List<Label[]> counterLabels = new ArrayList<>();
    private final Button hide = new Button();
    private LaneFigures figures = LaneFigures.idle();

    public LaneColumn(Technique kind, Palette palette) {
        this.kind = kind;
        getStyleClass().addAll("lane-column", "lane-" + kind.id());
        setId("lane-" + kind.id());

        Region bar = new Region();
        bar.getStyleClass().add("accent-bar");
        Label title = new Label(I18n.t("lane." + kind.id()));
        title.getStyleClass().add("lane-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        hide.setGraphic(new FontIcon(Feather.X));
        hide.getStyleClass().addAll("hide-button", "flat");
        hide.setTooltip(new Tooltip(I18n.t("lane.hide")));
        hide.setId("hide-" + kind.id());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox head = new HBox(title, spring, hide);
        head.setAlignment(Pos.CENTER_LEFT);

        state.getStyleClass().add("lane-state");
        state.setId("state-" + kind.id());
        detail.getStyleClass().add("lane-detail");
        // the state is never cut to "holding …": on a narrow column the detail goes under it instead
        state.setMinWidth(Region.USE_PREF_SIZE);
        detail.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane stateLine = new javafx.scene.layout.FlowPane(8, 0, state, detail);
        stateLine.setPrefWrapLength(1); // as wide as its widest word, not FlowPane's 400 px: the column sets the width
        stateLine.setAlignment(Pos.BASELINE_LEFT);

        strip = new SequenceStrip(palette, kind);
        chart = new LatencyChart(palette, kind);
        pool = kind.isPool() ? new PoolPicture(palette, kind) : null;

        GridPane counters = new GridPane();
        counters.getStyleClass().add("lane-counters");
        counters.setHgap(12);
        counters.setVgap(2);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setHalignment(javafx.geometry.HPos.RIGHT);
        counters.getColumnConstraints().addAll(names, values);
        List<LaneCounters.Line> lines = LaneCounters.lines(kind, figures);
        for (int i = 0; i < lines.size(); i++) {
            Label n = new Label(lines.get(i).name());
            n.getStyleClass().add("counter-name");
            n.setMinWidth(Region.USE_PREF_SIZE);
            Label v = new Label(lines.get(i).value());
            v.getStyleClass().add("counter-value");
            v.setMinWidth(Region.USE_PREF_SIZE);
            v.setId("counter-" + kind.id() + "-" + lines.get(i).name().replace(' ', '-'));
            counters.addRow(i, n, v);
            counterLabels.add(new Label[] {n, v});
        }

        getChildren().addAll(bar, head, stateLine, strip);
        if (pool != null) getChildren().add(pool);
        getChildren().addAll(counters, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(strip, Priority.SOMETIMES);
        HBox.setHgrow(this, Priority.ALWAYS);
        setMaxWidth(Double.MAX_VALUE);
    }

    /** Scrolling the strip calls {@code backMicros} with how far back (positive) or forward to move. */
    public void onStripScroll(java.util.function.LongConsumer backMicros) {
        strip.setOnScroll(e -> {
            double px = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            backMicros.accept(Math.round(px * strip.microsPerPixel()));
        });
    }

    public SequenceStrip strip() {
        return strip;
    }

    public LatencyChart chart() {
        return chart;
    }

    public Technique kind() {
        return kind;
    }

    /** The × in the title; the window wires it to the lane's shown property. */
    public Button hideButton() {
        return hide;
    }

    /** Every frame: the strip and the pool picture. */
    public void paintFrame(List<WireEvent> events, long nowMicros) {
        paintFrame(events, nowMicros, "");
    }

    /** As above, the strip showing up to {@code nowMicros} with a caption about that time ("" for none). */
    public void paintFrame(List<WireEvent> events, long nowMicros, String caption) {
        strip.show(events, nowMicros, figures.state(), caption);
        if (pool != null) pool.show(figures.pool(), nowMicros);
    }

    /** A few times a second: state and counters. */
    public void showFigures(LaneFigures f) {
        figures = f == null ? LaneFigures.idle() : f;
        state.setText(I18n.t("state." + figures.state().name()));
        if (figures.state().troubled()) {
            if (!state.getStyleClass().contains("troubled")) state.getStyleClass().add("troubled");
        } else {
            state.getStyleClass().remove("troubled");
        }
        detail.setText(figures.detail());
        List<LaneCounters.Line> lines = LaneCounters.lines(kind, figures);
        for (int i = 0; i < lines.size() && i < counterLabels.size(); i++) {
            counterLabels.get(i)[1].setText(lines.get(i).value());
        }
    }

    /** Twice a second: a point on the latency chart. */
    public void sampleLatency(long nowMicros) {
        chart.sample(nowMicros, figures.recentP50Ms(), figures.recentP99Ms());
    }

    public void clearChart() {
        chart.clear();
    }

    public LaneFigures figures() {
        return figures;
    }
}
