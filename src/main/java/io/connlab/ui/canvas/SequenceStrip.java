package io.connlab.ui.canvas;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.metrics.WireEvent;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The live sequence diagram of one lane's traced client: the client line on top, the server
 * line at the bottom, the last {@link #WINDOW_MICROS} of wire events as arrows scrolling
 * left. A held poll is an open bar on the server line until its answer comes back; drops
 * and errors are red.
 */
public final class SequenceStrip extends CanvasView {

    /** How much time the strip shows: five seconds, enough to watch a poll held and answered. */
    public static final long WINDOW_MICROS = 5_000_000;

    /** Arrows of one kind closer together than this (pixels) are drawn once. */
    static final double MIN_ARROW_GAP_PX = 6;

    private final Technique kind;
    private final double[] lastArrowX = new double[WireEvent.Kind.values().length];
    private List<WireEvent> events = List.of();
    private long now;
    private LaneState state = LaneState.IDLE;
    private String caption = "";

    public SequenceStrip(Palette palette, Technique kind) {
        super(palette, "sequence-strip");
        this.kind = kind;
    }

    /**
     * Takes this frame's events (at or after now - window) and paints them, once the picture
     * has scrolled by at least a pixel since the last paint (or the state changed): a narrow
     * strip moves less than a pixel a frame, and each paint costs the renderer every arrow.
     */
    public void show(List<WireEvent> events, long nowMicros, LaneState state) {
        show(events, nowMicros, state, "");
    }

    /** As above, with a caption about the time shown ("run over: scroll to look back"), or "" for none. */
    public void show(List<WireEvent> events, long nowMicros, LaneState state, String caption) {
        double perPixel = WINDOW_MICROS / Math.max(1, getWidth());
        boolean sameCaption = caption.equals(this.caption);
        if (Math.abs(nowMicros - now) < perPixel && state == this.state && sameCaption) return;
        this.events = events;
        this.now = nowMicros;
        this.state = state;
        this.caption = caption;
        repaint();
    }

    /** The moment shown at the right edge, as of the last paint. */
    public long shownMicros() {
        return now;
    }

    /** The caption shown, "" for none. */
    public String caption() {
        return caption;
    }

    /** Micros per pixel at the strip's width, to turn a scroll in pixels into time. */
    public double microsPerPixel() {
        return WINDOW_MICROS / Math.max(1, getWidth());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Palette.Ink ink = palette.ink(kind);
        double em = ink.em();
        double left = 0;
        double top = em * 1.4;
        double bottom = h - em * 1.5;
        double slant = Math.max(8, em * 0.9);

        g.setFill(ink.canvas());
        g.fillRoundRect(0, 0, w, h, 8, 8);

        // seconds grid, newest at the right edge
        g.setStroke(ink.border());
        g.setLineWidth(1);
        g.setFill(ink.muted());
        g.setFont(palette.font(0.75));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (int s = 1; s < WINDOW_MICROS / 1_000_000; s++) {
            double x = w - w * s * 1_000_000.0 / WINDOW_MICROS;
            g.strokeLine(x, top, x, bottom);
            if (x > em * 4) g.fillText("-" + s + " s", x, h - 2);
        }

        // the open WebSocket connection is a band between the lines
        boolean open = state == LaneState.OPEN && !hasConnectEvents();
        double openFrom = left;
        g.setFill(ink.accent().deriveColor(0, 1, 1, 0.10));
        for (WireEvent e : events) {
            double x = x(e.atMicros(), w);
            switch (e.kind()) {
                case CONNECT -> { open = true; openFrom = x; }
                case CLOSE, DROP -> {
                    if (open) g.fillRect(openFrom, top, x - openFrom, bottom - top);
                    open = false;
                }
                default -> { }
            }
        }
        if (open && kind == Technique.WEBSOCKET) g.fillRect(openFrom, top, w - openFrom, bottom - top);

        // the two lifelines
        g.setStroke(ink.fg());
        g.setLineWidth(2);
        g.strokeLine(0, top, w, top);
        g.strokeLine(0, bottom, w, bottom);
        g.setFill(ink.muted());
        g.setFont(palette.font(0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        // a caption too long to sit beside "client" (a narrow strip, large type) takes its place
        String client = I18n.t("strip.client");
        if (caption.isEmpty() || 4 + textWidth(client, em * 0.8) + em + textWidth(caption, em * 0.75) + 4 <= w) {
            g.fillText(client, 4, top - 3);
        }
        g.setTextBaseline(VPos.TOP);
        g.fillText(kind.isPool() ? I18n.t("strip.function") : I18n.t("strip.server"), 4, bottom + 2);

        // held polls: a bar on the server line from when it arrived until its answer (or now)
        g.setLineCap(StrokeLineCap.ROUND);
        long holdStart = -1;
        for (WireEvent e : events) {
            if (e.kind() == WireEvent.Kind.HOLD_START) holdStart = e.atMicros();
            if (e.kind() == WireEvent.Kind.HOLD_END) {
                double from = holdStart >= 0 ? x(holdStart, w) : 0;
                holdBand(g, from, x(e.atMicros(), w), top, bottom, ink.accent());
                if (holdStart >= 0) holdBar(g, x(holdStart, w) + slant, x(e.atMicros(), w) - slant, bottom, ink.accent(), em, false);
                else holdBar(g, 0, x(e.atMicros(), w) - slant, bottom, ink.accent(), em, false);
                holdStart = -1;
            }
        }
        if (holdStart >= 0) {
            holdBand(g, x(holdStart, w), w, top, bottom, ink.accent());
            holdBar(g, x(holdStart, w) + slant, w, bottom, ink.accent(), em, true);
        }
        else if (state == LaneState.HOLDING && events.stream().noneMatch(e -> e.kind() == WireEvent.Kind.HOLD_END
                || e.kind() == WireEvent.Kind.HOLD_START)) {
            holdBar(g, 0, w, bottom, ink.accent(), em, true);
        }

        // arrows
        g.setFont(palette.font(0.75));
        double lastLabelEnd = Double.NEGATIVE_INFINITY;
        java.util.Arrays.fill(lastArrowX, Double.NEGATIVE_INFINITY);
        for (WireEvent e : events) {
            double x = x(e.atMicros(), w);
            // at hundreds of messages a second the arrows are denser than the pixels: one of a
            // kind every few pixels looks the same and costs the renderer a fraction
            int k = e.kind().ordinal();
            if (e.kind() == WireEvent.Kind.MARK) continue; // drawn on top, below
            if (x - lastArrowX[k] < MIN_ARROW_GAP_PX) continue;
            lastArrowX[k] = x;
            Color c = ink.accent();
            switch (e.kind()) {
                case REQUEST, HOLD_START -> arrow(g, x, top, x + slant, bottom, ink.muted(), 1.6);
                case RESPONSE, HOLD_END -> arrow(g, x - slant, bottom, x, top, ink.accent(), 2);
                case PUSH -> arrow(g, x - slant, bottom, x, top, ink.accent(), 2.4);
                case ERROR -> { arrow(g, x - slant, bottom, x, top, ink.danger(), 2.4); c = ink.danger(); }
                case DROP -> { cross(g, x, (top + bottom) / 2, em * 0.45, ink.danger()); c = ink.danger(); }
                case CONNECT -> { tick(g, x, top, bottom, ink.accent()); c = ink.accent(); }
                case CLOSE -> { tick(g, x, top, bottom, ink.muted()); c = ink.muted(); }
                case MARK -> { }
            }
            String label = e.kind() == WireEvent.Kind.CONNECT ? I18n.t("strip.open") : io.connlab.ui.model.StripLabels.shown(e.label());
            // labels never overlap: one is drawn only where it clears the last one drawn
            double half = labelWidth(label, em) / 2;
            if (label != null && x - half > lastLabelEnd + em * 0.4 && x - half > 0 && x + half < w) {
                g.setFill(c == ink.accent() ? ink.fg() : c);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(label, x, top + em * 1.1 + (e.kind() == WireEvent.Kind.DROP ? em * 1.2 : 0));
                lastLabelEnd = x + half;
            }
        }
        marks(g, w, h, ink);
        if (!caption.isEmpty()) {
            g.setFont(palette.font(0.75));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(ink.muted());
            g.fillText(caption, w - 4, 2);
        }
        if (events.isEmpty() && state == LaneState.IDLE) {
            g.setFill(ink.muted());
            g.setFont(palette.font(0.85));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(I18n.t("strip.noTraffic"), w / 2, (top + bottom) / 2);
        }
    }

    /**
     * Faults and messages sent by hand: a line across the strip at their moment, labelled at the
     * bottom in a tag, every one of them (never thinned: each is a moment to point at).
     */
    private void marks(GraphicsContext g, double w, double h, Palette.Ink ink) {
        double em = ink.em();
        g.setFont(palette.font(0.75));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (WireEvent e : events) {
            if (e.kind() != WireEvent.Kind.MARK) continue;
            double x = x(e.atMicros(), w);
            if (x < 0 || x > w) continue;
            g.setStroke(ink.warning());
            g.setLineWidth(2.5);
            g.strokeLine(x, 0, x, h);
            String label = e.label() == null ? "" : e.label();
            double lw = labelWidth(label, em) + 6;
            double lx = Math.min(x + 2, w - lw);
            g.setFill(ink.warning());
            g.fillRoundRect(lx, h - em * 1.3, lw, em * 1.2, 6, 6);
            g.setFill(ink.canvas());
            g.fillText(label, lx + 3, h - em * 0.2);
        }
    }

    /** The events of the last paint (for tests). */
    public List<WireEvent> events() {
        return events;
    }

    /** A label's width at 0.75 em, generously estimated (average glyph about 0.6 em), so thinning errs on the side of space. */
    /** A text's width at a font of {@code size} px, roughly: CJK characters are a full em, others about 0.6. */
    static double textWidth(String text, double size) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) w += text.charAt(i) >= 0x2E80 ? 1.0 : 0.6;
        return w * size;
    }

    static double labelWidth(String label, double em) {
        return label == null ? 0 : label.length() * em * 0.75 * 0.6 + 2;
    }

    private boolean hasConnectEvents() {
        for (WireEvent e : events) if (e.kind() == WireEvent.Kind.CONNECT) return true;
        return false;
    }

    private double x(long atMicros, double w) {
        return w - w * (now - atMicros) / (double) WINDOW_MICROS;
    }

    /** A held poll, from its request to its answer, shaded between the lines: the time the server held it open. */
    private static void holdBand(GraphicsContext g, double from, double to, double top, double bottom, Color accent) {
        if (to <= from) return;
        g.setFill(accent.deriveColor(0, 1, 1, 0.16));
        g.fillRect(from, top, to - from, bottom - top);
    }

    private static void holdBar(GraphicsContext g, double from, double to, double serverY, Color accent,
                                double em, boolean waiting) {
        if (to <= from) return;
        double hgt = em * 0.8;
        double y = serverY - hgt - 2;
        g.setFill(accent.deriveColor(0, 1, 1, waiting ? 0.30 : 0.45));
        g.fillRoundRect(from, y, to - from, hgt, hgt, hgt);
        g.setStroke(accent);
        g.setLineWidth(1.5);
        if (waiting) g.setLineDashes(5, 4);
        g.strokeRoundRect(from, y, to - from, hgt, hgt, hgt);
        g.setLineDashes();
        if (waiting && to - from > em * 4) {
            g.setFill(accent);
            g.setFont(Palette.sized(g.getFont(), 0.75 * em));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(I18n.t("strip.held"), to - 4, y - 2);
        }
    }

    private static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2, Color c, double width) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(width);
        double a = Math.atan2(y2 - y1, x2 - x1);
        double head = 4 + width * 2.5;
        double bx = x2 - head * 0.8 * Math.cos(a);
        double by = y2 - head * 0.8 * Math.sin(a);
        g.strokeLine(x1, y1, bx, by);
        g.fillPolygon(
                new double[] {x2, x2 - head * Math.cos(a - 0.4), x2 - head * Math.cos(a + 0.4)},
                new double[] {y2, y2 - head * Math.sin(a - 0.4), y2 - head * Math.sin(a + 0.4)}, 3);
    }

    private static void cross(GraphicsContext g, double x, double y, double r, Color c) {
        g.setStroke(c);
        g.setLineWidth(3);
        g.strokeLine(x - r, y - r, x + r, y + r);
        g.strokeLine(x - r, y + r, x + r, y - r);
    }

    private static void tick(GraphicsContext g, double x, double top, double bottom, Color c) {
        g.setStroke(c);
        g.setLineWidth(2);
        g.setLineDashes(3, 3);
        g.strokeLine(x, top, x, bottom);
        g.setLineDashes();
    }
}
