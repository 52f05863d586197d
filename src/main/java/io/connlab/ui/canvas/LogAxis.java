package io.connlab.ui.canvas;

import io.connlab.metrics.Format;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The latency charts' vertical axis: milliseconds on a log scale, a grid line and a label per decade. */
public final class LogAxis {
    private LogAxis() {
    }

    /** Where {@code v} ms goes between {@code bottom} (at {@code lo}) and {@code top} (at {@code hi}); clamped. */
    public static double y(double v, double lo, double hi, double top, double bottom) {
        double f = Math.log10(Math.max(lo, Math.min(hi, v)) / lo) / Math.log10(hi / lo);
        return bottom - (bottom - top) * f;
    }

    /** Grid lines from {@code axisW} to {@code right}, each decade labelled left of {@code axisW}. */
    public static void draw(GraphicsContext g, Palette palette, double lo, double hi, double axisW, double right,
                            double top, double bottom) {
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int steps = (int) Math.round(Math.log10(hi / lo));
        for (int i = 0; i <= steps; i++) {
            double v = lo * Math.pow(10, i);
            double y = y(v, lo, hi, top, bottom);
            g.setStroke(palette.color(Palette.Role.BORDER));
            g.strokeLine(axisW, y, right, y);
            g.setFill(palette.color(Palette.Role.MUTED));
            g.fillText(Format.axisMs(v), axisW - 6, y);
        }
    }
}
