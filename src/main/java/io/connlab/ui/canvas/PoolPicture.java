package io.connlab.ui.canvas;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.Format;
import io.connlab.metrics.Technique;
import io.connlab.ui.model.PoolFigures;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * A pool lane's function containers and its database: one box per container (cold =
 * starting, outlined; warm = idle, light; busy = running, solid), lines to a DB box that
 * shows connections in use against {@code max_connections}. A refused connection makes the
 * DB box flash red.
 */
public final class PoolPicture extends CanvasView {

    private static final long FLASH_MICROS = 700_000;
    private static final int MAX_BOXES = 120;

    private final Technique kind;
    private PoolFigures pool = PoolFigures.empty();
    private long now;
    private boolean flashed;
    private Color paintedFg;
    private Color paintedCanvas;
    private double paintedEm;

    public PoolPicture(Palette palette, Technique kind) {
        super(palette, "pool-picture");
        this.kind = kind;
    }

    /**
     * Called every frame; repaints only when the picture changes (new figures, the refusal
     * flash starting or ending, another theme or type size): painting a few dozen boxes and lines costs the renderer more
     * than it seems, sixty times a second.
     */
    public void show(PoolFigures figures, long nowMicros) {
        PoolFigures next = figures == null ? PoolFigures.empty() : figures;
        boolean flash = flashing(next, nowMicros);
        Color fg = palette.color(Palette.Role.FG);
        Color canvas = palette.color(Palette.Role.CANVAS);
        double em = palette.fontSize();
        boolean changed = !next.equals(pool) || flash != flashed || !fg.equals(paintedFg)
                || !canvas.equals(paintedCanvas) || em != paintedEm;
        paintedFg = fg;
        paintedCanvas = canvas;
        paintedEm = em;
        pool = next;
        now = nowMicros;
        flashed = flash;
        if (changed) repaint();
    }

    private static boolean flashing(PoolFigures p, long nowMicros) {
        return p.lastRefusedAtMicros() > 0 && nowMicros - p.lastRefusedAtMicros() < FLASH_MICROS;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Palette.Ink ink = palette.ink(kind);
        double em = ink.em();

        double dbW = em * 5;
        double dbX = w - dbW - 2;
        double areaW = dbX - em * 2.2;
        double legendH = em * 1.4;
        double areaH = h - legendH - 4;

        List<PoolFigures.Container> boxes = pool.containers();
        int shown = Math.min(boxes.size(), MAX_BOXES);
        double cell = boxSize(shown, areaW, areaH, em);
        int perRow = Math.max(1, (int) (areaW / cell));

        double dbY = em * 0.4;
        double dbH = areaH - em * 0.4;
        double dbMidY = dbY + dbH / 2;

        // connection lines first, under the boxes
        g.setLineWidth(1.2);
        g.setStroke(ink.accent().deriveColor(0, 1, 1, 0.45));
        for (int i = 0; i < shown; i++) {
            PoolFigures.Container c = boxes.get(i);
            if (c.connections() <= 0) continue;
            double cx = (i % perRow) * cell + cell * 0.85;
            double cy = (i / perRow) * cell + cell * 0.45;
            g.strokeLine(cx, cy, dbX, dbMidY);
        }
        for (int i = 0; i < shown; i++) {
            PoolFigures.Container c = boxes.get(i);
            double x = (i % perRow) * cell + 1;
            double y = (i / perRow) * cell + 1;
            double s = cell * 0.82;
            switch (c.state()) {
                case BUSY -> { g.setFill(ink.accent()); g.fillRoundRect(x, y, s, s, 4, 4); }
                case WARM -> {
                    g.setFill(ink.accent().deriveColor(0, 1, 1, 0.30));
                    g.fillRoundRect(x, y, s, s, 4, 4);
                    g.setStroke(ink.accent());
                    g.setLineWidth(1.2);
                    g.strokeRoundRect(x, y, s, s, 4, 4);
                }
                case COLD -> {
                    g.setStroke(ink.warning());
                    g.setLineWidth(1.6);
                    g.setLineDashes(3, 2);
                    g.strokeRoundRect(x, y, s, s, 4, 4);
                    g.setLineDashes();
                }
            }
        }
        g.setFont(palette.font(0.75));
        g.setTextBaseline(VPos.CENTER);
        if (boxes.size() > shown) {
            g.setFill(ink.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("+" + (boxes.size() - shown), areaW, areaH - em * 0.5);
        }
        if (boxes.isEmpty()) {
            g.setFill(ink.muted());
            g.setTextAlign(TextAlignment.CENTER);
            // on a narrow column at large type, a word a line rather than cut at the canvas edge
            List<String> lines = wrap(I18n.t("pool.noContainers"), areaW, em);
            double y0 = areaH / 2 - (lines.size() - 1) * em * 0.45;
            for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), areaW / 2, y0 + i * em * 0.9, areaW);
        }

        // the database
        boolean flashing = flashing(pool, now);
        boolean full = pool.dbMaxConnections() > 0 && pool.dbConnections() >= pool.dbMaxConnections();
        double fill = pool.dbMaxConnections() > 0 ? Math.min(1, pool.dbConnections() / (double) pool.dbMaxConnections()) : 0;
        g.setFill(ink.canvas());
        g.fillRoundRect(dbX, dbY, dbW, dbH, 10, 10);
        g.setFill((full ? ink.danger() : ink.accent()).deriveColor(0, 1, 1, 0.25));
        g.fillRoundRect(dbX, dbY + dbH * (1 - fill), dbW, dbH * fill, 10, 10);
        g.setStroke(flashing ? ink.danger() : ink.fg());
        g.setLineWidth(flashing ? 4 : 1.5);
        g.strokeRoundRect(dbX, dbY, dbW, dbH, 10, 10);
        g.setFill(ink.fg());
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(palette.font(0.9));
        g.fillText(I18n.t("pool.db"), dbX + dbW / 2, dbY + em * 0.9);
        g.setFont(palette.font(0.8));
        g.fillText(pool.dbMaxConnections() > 0 ? pool.dbConnections() + "/" + pool.dbMaxConnections() : "–",
                dbX + dbW / 2, dbMidY);
        if (pool.refused() > 0) {
            g.setFill(ink.danger());
            g.fillText("✕ " + Format.count(pool.refused()), dbX + dbW / 2, dbY + dbH - em * 0.8);
        }

        // legend: smaller type when the column is too narrow for it, never cut at the edge
        String busy = I18n.t("pool.busy") + " " + pool.count(PoolFigures.ContainerState.BUSY);
        String warm = I18n.t("pool.warm") + " " + pool.count(PoolFigures.ContainerState.WARM);
        String cold = I18n.t("pool.cold") + " " + pool.count(PoolFigures.ContainerState.COLD);
        double need = 3 * (em * 0.7 + 4) + em * 1.2 + SequenceStrip.labelWidth(busy + warm + cold, em);
        double le = em * Math.max(0.7, Math.min(1, w / need));
        double ly = h - legendH / 2;
        double x = 0;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(palette.font(0.75 * le / em));
        double sq = le * 0.7;
        g.setFill(ink.accent());
        g.fillRect(x, ly - sq / 2, sq, sq);
        g.setFill(ink.muted());
        g.fillText(busy, x + sq + 4, ly);
        x += sq + 4 + SequenceStrip.labelWidth(busy, le) + le * 0.6; // by the text's width, so the last one is not cut
        g.setFill(ink.accent().deriveColor(0, 1, 1, 0.3));
        g.fillRect(x, ly - sq / 2, sq, sq);
        g.setStroke(ink.accent()); // the outline carries the contrast, as on the boxes
        g.setLineWidth(1.2);
        g.strokeRect(x, ly - sq / 2, sq, sq);
        g.setFill(ink.muted());
        g.fillText(warm, x + sq + 4, ly);
        x += sq + 4 + SequenceStrip.labelWidth(warm, le) + le * 0.6;
        g.setStroke(ink.warning());
        g.setLineWidth(1.5);
        g.strokeRect(x, ly - sq / 2, sq, sq);
        g.fillText(cold, x + sq + 4, ly);
    }

    /** {@code text} in lines that fit {@code width} at 0.75 em, broken at spaces (a text without spaces stays one line). */
    static List<String> wrap(String text, double width, double em) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && SequenceStrip.labelWidth(longer, em) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The largest box that fits {@code n} boxes in the area, between 0.6 em and 2 em. */
    static double boxSize(int n, double w, double h, double em) {
        double size = em * 2;
        while (size > em * 0.6) {
            int perRow = Math.max(1, (int) (w / size));
            int rows = (n + perRow - 1) / perRow;
            if (rows * size <= h) break;
            size *= 0.9;
        }
        return size;
    }
}
