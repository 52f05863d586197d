package io.connlab.ui.canvas;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.Technique;
import io.connlab.ui.model.LatencyHistory;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * p50 and p99 delivery latency of one lane over the last minute: p50 a solid line in the
 * lane's accent, p99 a dashed one, on a log ms axis by decades (1 ms, 10 ms, 100 ms, 1 s…).
 * The window gives every lane's chart the same axis ({@link #useScale}), so they compare
 * side by side; alone, a chart fits its own data.
 */
public final class LatencyChart extends CanvasView {

    /** The chart's longest time span; a young run is shown over its own length (at least 10 s). */
    public static final long SPAN_MICROS = 60_000_000;
    private static final long MIN_SPAN_MICROS = 10_000_000;

    private final Technique kind;
    private final LatencyHistory history = new LatencyHistory(600);
    private long now;
    private double scaleLo = Double.NaN;
    private double scaleHi = Double.NaN;

    public LatencyChart(Palette palette, Technique kind) {
        super(palette, "latency-chart");
        this.kind = kind;
    }

    public LatencyHistory history() {
        return history;
    }

    /** Takes over {@code previous}'s samples (the same lane in a window rebuilt in another language). */
    public void takeOver(LatencyChart previous) {
        LatencyHistory h = previous.history;
        for (int i = 0; i < h.size(); i++) history.add(h.atMicros(i), h.p50(i), h.p99(i));
        now = previous.now;
        repaint();
    }

    /** Adds a sample (NaN = nothing delivered lately) and repaints. */
    public void sample(long nowMicros, double p50Ms, double p99Ms) {
        now = nowMicros;
        history.add(nowMicros, p50Ms, p99Ms);
        repaint();
    }

    /** The shared axis, from {@code loMs} to {@code hiMs} (powers of ten); repaints when it changed. */
    public void useScale(double loMs, double hiMs) {
        if (loMs == scaleLo && hiMs == scaleHi) return;
        scaleLo = loMs;
        scaleHi = hiMs;
        repaint();
    }

    /** The span shown now. */
    public long span() {
        return history.size() == 0 ? SPAN_MICROS
                : Math.max(MIN_SPAN_MICROS, Math.min(SPAN_MICROS, now - history.atMicros(0)));
    }

    /** Decades around [min, max] ms: {lo, hi}, powers of ten at least one decade apart. */
    public static double[] decades(double minMs, double maxMs) {
        if (!(maxMs > 0) || !Double.isFinite(maxMs)) return new double[] {1, 1000};
        double lo = Math.pow(10, Math.floor(Math.log10(Math.min(minMs, maxMs))));
        double hi = Math.pow(10, Math.ceil(Math.log10(maxMs * 1.05)));
        if (hi <= lo) hi = lo * 10;
        return new double[] {Math.max(0.01, lo), hi};
    }

    public void clear() {
        history.clear();
        repaint();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color muted = palette.color(Palette.Role.MUTED);
        Color accent = palette.lane(kind);
        double em = palette.fontSize();
        g.setFont(palette.font(0.75));
        double axisW = em * 4.2;
        double top = em * 1.5;
        double bottom = h - em * 1.3;
        double plotW = w - axisW - 4;

        long span = span();
        double[] own = decades(history.minP50Since(now - span), history.maxP99Since(now - span));
        double lo = Double.isNaN(scaleLo) ? own[0] : scaleLo;
        double hi = Double.isNaN(scaleHi) ? own[1] : scaleHi;
        LogAxis.draw(g, palette, lo, hi, axisW, w, top, bottom);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        long spanS = Math.round(span / 1e6);
        g.fillText("-" + spanS + " s", axisW + 12, bottom + 3);
        g.fillText("-" + Math.round(spanS / 2.0) + " s", axisW + plotW / 2, bottom + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(I18n.t("chart.now"), w - 2, bottom + 3);

        // legend
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double ly = em * 0.6;
        g.setStroke(accent);
        g.setLineWidth(2.5);
        g.strokeLine(axisW, ly, axisW + em * 1.2, ly);
        g.setFill(muted);
        g.fillText("p50", axisW + em * 1.5, ly);
        g.setLineDashes(6, 4);
        g.setLineWidth(1.8);
        g.strokeLine(axisW + em * 3.6, ly, axisW + em * 4.8, ly);
        g.setLineDashes();
        g.fillText("p99", axisW + em * 5.1, ly);

        if (history.size() == 0 || history.maxP99Since(now - span) == 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(I18n.t("chart.noDeliveries"), axisW + plotW / 2, (top + bottom) / 2);
            return;
        }
        line(g, true, span, axisW, plotW, top, bottom, lo, hi, accent.deriveColor(0, 1, 1, 0.75), 1.8);
        line(g, false, span, axisW, plotW, top, bottom, lo, hi, accent, 2.5);
    }

    private void line(GraphicsContext g, boolean p99, long span, double x0, double plotW, double top, double bottom,
                      double lo, double hi, Color c, double width) {
        g.setStroke(c);
        g.setLineWidth(width);
        if (p99) g.setLineDashes(6, 4);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < history.size(); i++) {
            long t = history.atMicros(i);
            if (t < now - span) continue;
            double v = p99 ? history.p99(i) : history.p50(i);
            if (!Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            double x = x0 + plotW * (1 - (now - t) / (double) span);
            double y = LogAxis.y(v, lo, hi, top, bottom);
            if (drawing) g.lineTo(x, y);
            else g.moveTo(x, y);
            drawing = true;
        }
        g.stroke();
        g.setLineDashes();
    }
}
