package io.connlab.ui.comparison;

import io.connlab.metrics.Format;
import io.connlab.metrics.Percentiles;
import io.connlab.metrics.Technique;
import io.connlab.ui.canvas.CanvasView;
import io.connlab.ui.canvas.LogAxis;
import io.connlab.ui.canvas.Palette;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.RunComparison;
import io.connlab.ui.model.RunComparison.Side;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One lane's latency in two saved runs: p50, p90, p99 and max of each, run A a solid line and
 * run B a dashed one in the lane's accent, on a log ms axis the window shares between lanes.
 * A saved run keeps its percentiles, not their course over time, so that is what is drawn.
 */
public final class ComparedLatencyChart extends CanvasView {

    private static final String[] POINTS = {"p50", "p90", "p99", "max"};

    /** One run's line: its name for the legend and its percentiles (empty: the lane is not in that run). */
    public record Series(Side side, String name, Optional<Percentiles> latency) {
    }

    private final Technique kind;
    private final List<Series> series = new ArrayList<>();
    private double lo = 1;
    private double hi = 1000;

    public ComparedLatencyChart(Palette palette, Technique kind, RunComparison c) {
        super(palette, "compared-latency-chart");
        this.kind = kind;
        for (Side s : Side.values()) series.add(new Series(s, c.shortName(s), c.latency(kind, s)));
        setId("compared-chart-" + kind.id());
    }

    /** The runs drawn (A and B), each with or without this lane. */
    public List<Series> series() {
        return List.copyOf(series);
    }

    /** The drawn lines: runs that have this lane and delivered in it. */
    public long lines() {
        return series.stream().filter(s -> s.latency().filter(p -> !p.isEmpty()).isPresent()).count();
    }

    /** The shared axis (powers of ten, ms). */
    public void useScale(double loMs, double hiMs) {
        lo = loMs;
        hi = hiMs;
        repaint();
    }

    /** The smallest and largest figure drawn, for the shared axis; {+inf, 0} when there is none. */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Series s : series) {
            if (s.latency().isEmpty() || s.latency().get().isEmpty()) continue;
            for (double v : values(s.latency().get())) {
                if (Double.isFinite(v) && v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    private static double[] values(Percentiles p) {
        return new double[] {p.p50(), p.p90(), p.p99(), p.max()};
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color muted = palette.color(Palette.Role.MUTED);
        Color fg = palette.color(Palette.Role.FG);
        Color accent = palette.lane(kind);
        double em = palette.fontSize();
        g.setFont(palette.font(0.85));
        double axisW = em * 4.2;
        double legendH = em * 1.3 * series.size() + em * 0.4;
        double top = legendH + em * 0.6;
        double bottom = h - em * 1.5;
        double left = axisW + em;
        double plotW = w - left - em * 1.2;

        LogAxis.draw(g, palette, lo, hi, axisW, w, top, bottom);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < POINTS.length; i++) g.fillText(POINTS[i], x(i, left, plotW), bottom + 4);

        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double ly = em * 0.2 + em * 1.3 * i + em * 0.65;
            boolean drawn = s.latency().filter(p -> !p.isEmpty()).isPresent();
            style(g, s.side(), accent);
            g.strokeLine(em * 0.3, ly, em * 2.5, ly);
            g.setLineDashes();
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(drawn ? fg : muted);
            g.fillText(legend(s, drawn, w - em * 3), em * 2.9, ly);
            if (drawn) line(g, s, accent, left, plotW, top, bottom);
        }
    }

    /** "A: mock · p50 11 ms · p99 442 ms", shortened to what fits (the view's headings name the runs in full). */
    private String legend(Series s, boolean drawn, double room) {
        String letter = s.side().name();
        if (!drawn) {
            String why = s.latency().isEmpty() ? I18n.t("compare.notInRun") : I18n.t("chart.noDeliveries");
            if (fits(s.name() + " · " + why, room)) return s.name() + " · " + why;
            return fits(letter + " · " + why, room) ? letter + " · " + why : letter + " · " + Format.NONE;
        }
        Percentiles p = s.latency().orElseThrow();
        String p50 = "p50 " + Format.ms(p.p50());
        String both = p50 + " · p99 " + Format.ms(p.p99());
        for (String t : new String[] {s.name() + " · " + both, letter + " · " + both, s.name() + " · " + p50, letter + " · " + p50}) {
            if (fits(t, room)) return t;
        }
        return letter + " " + Format.ms(p.p50());
    }

    private boolean fits(String text, double room) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(palette.font(0.85));
        return t.getLayoutBounds().getWidth() <= room;
    }

    private static void style(GraphicsContext g, Side side, Color accent) {
        g.setStroke(accent);
        g.setLineWidth(3);
        if (side == Side.B) g.setLineDashes(9, 6);
        else g.setLineDashes();
    }

    private void line(GraphicsContext g, Series s, Color accent, double left, double plotW, double top, double bottom) {
        double[] v = values(s.latency().orElseThrow());
        style(g, s.side(), accent);
        g.beginPath();
        boolean drawing = false;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                drawing = false;
                continue;
            }
            if (drawing) g.lineTo(x(i, left, plotW), y(v[i], top, bottom));
            else g.moveTo(x(i, left, plotW), y(v[i], top, bottom));
            drawing = true;
        }
        g.stroke();
        g.setLineDashes();
        double r = palette.fontSize() * 0.3;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) continue;
            double x = x(i, left, plotW);
            double y = y(v[i], top, bottom);
            g.setFill(s.side() == Side.A ? accent : palette.color(Palette.Role.CANVAS));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setLineWidth(2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private static double x(int i, double left, double plotW) {
        return left + plotW * i / (POINTS.length - 1);
    }

    private double y(double v, double top, double bottom) {
        return LogAxis.y(v, lo, hi, top, bottom);
    }
}
