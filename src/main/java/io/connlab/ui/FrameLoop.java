package io.connlab.ui;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.Clock;
import io.connlab.ui.backend.BackendPanel;
import io.connlab.ui.canvas.SequenceStrip;
import io.connlab.ui.comparison.ComparisonTable;
import io.connlab.ui.lanes.LaneColumn;
import io.connlab.ui.model.FrameMeter;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.model.LaneFeed;
import io.connlab.ui.model.StripTime;
import io.connlab.ui.model.MachineLoad;
import io.connlab.ui.lanes.LatencyScale;
import io.connlab.ui.toolbar.RunControlModel;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Tab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;

/**
 * Once per frame: reads the engine and repaints the strips; the columns' figures, the charts
 * and the table less often. A frame that throws, or an engine whose figures stopped, is said
 * in the status line (and logged once); the loop keeps going, so the window recovers by itself.
 */
final class FrameLoop extends AnimationTimer {

    private static final Logger LOG = LoggerFactory.getLogger(FrameLoop.class);
    private static final long FIGURES_NANOS = 100_000_000;
    private static final long CHART_NANOS = 500_000_000;
    private static final long TABLE_NANOS = 500_000_000;
    private static final long PANEL_NANOS = 1_000_000_000;

    private final LabEngine engine;
    private final RunControlModel run;
    private final Collection<LaneColumn> columns;
    private final ComparisonTable comparison;
    private final BackendPanel backendPanel;
    private final Tab backendTab;
    private final FrameMeter meter;
    private final StripTime stripTime;
    private final MachineLoad machine = new MachineLoad();
    private final javafx.scene.control.Label machineWarning;
    private long lastFigures;
    private long lastChart;
    private long lastTable;
    private long lastPanel;
    private boolean logged;

    FrameLoop(LabEngine engine, RunControlModel run, Collection<LaneColumn> columns, ComparisonTable comparison,
              BackendPanel backendPanel, Tab backendTab, FrameMeter meter, StripTime stripTime,
              javafx.scene.control.Label machineWarning) {
        this.stripTime = stripTime;
        this.machineWarning = machineWarning;
        this.engine = engine;
        this.run = run;
        this.columns = columns;
        this.comparison = comparison;
        this.backendPanel = backendPanel;
        this.backendTab = backendTab;
        this.meter = meter;
    }

    @Override
    public void handle(long nanos) {
        long start = System.nanoTime();
        long cpu = FrameMeter.threadCpuNanos();
        try {
            frame(nanos);
            engine.problem().ifPresent(p -> run.showProblem(I18n.t("status.figuresStopped", p)));
        } catch (RuntimeException e) {
            if (!logged) LOG.warn("a frame failed; the window keeps going", e);
            logged = true;
            run.showProblem(I18n.t("status.frameFailed", RunControlModel.describe(e)));
        }
        meter.record(nanos, System.nanoTime() - start, FrameMeter.threadCpuNanos() - cpu);
    }

    private void frame(long nanos) {
        long now = Clock.nowMicros();
        run.poll();
        boolean figuresDue = nanos - lastFigures >= FIGURES_NANOS;
        boolean chartDue = nanos - lastChart >= CHART_NANOS && run.activity() == RunControlModel.Activity.RUNNING;
        if (figuresDue) lastFigures = nanos;
        if (chartDue) lastChart = nanos;
        long shown = stripTime.now(run.activity() != RunControlModel.Activity.IDLE, now);
        String caption = stripTime.caption();
        for (LaneColumn c : columns) {
            if (!c.isVisible()) continue;
            LaneFeed feed = engine.lane(c.kind());
            if (figuresDue) c.showFigures(feed.figures());
            c.paintFrame(feed.wireSince(shown - SequenceStrip.WINDOW_MICROS), shown, caption);
            if (chartDue) c.sampleLatency(now);
        }
        if (chartDue) LatencyScale.share(columns, now);
        if (nanos - lastTable >= TABLE_NANOS) {
            lastTable = nanos;
            comparison.show(engine.comparison());
        }
        if (nanos - lastPanel >= PANEL_NANOS) {
            lastPanel = nanos;
            if (backendTab.isSelected()) backendPanel.refresh();
            // only while a run goes: the warning is about the figures
            MachineLoad.Warning warning = run.activity() == RunControlModel.Activity.RUNNING ? machine.check() : MachineLoad.Warning.NONE;
            if (!warning.badge().equals(machineWarning.getText())) {
                machineWarning.setText(warning.badge());
                machineWarning.getTooltip().setText(warning.full());
            }
            machineWarning.setVisible(!warning.badge().isEmpty());
            machineWarning.setManaged(!warning.badge().isEmpty());
        }
    }
}
