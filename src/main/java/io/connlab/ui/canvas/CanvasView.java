package io.connlab.ui.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that paints itself on a Canvas the size of the region. Sized by CSS (em), so it
 * grows with the font. Subclasses paint in {@link #draw}; {@link #repaint()} is cheap to call
 * once per frame.
 */
public abstract class CanvasView extends Region {

    protected final Palette palette;
    private final Canvas canvas = new Canvas();

    protected CanvasView(Palette palette, String styleClass) {
        this.palette = palette;
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        setMinWidth(0);
        palette.onChange(this::repaint);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    public final void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 20 || h < 20) return;
        g.save();
        draw(g, w, h);
        g.restore();
    }

    protected abstract void draw(GraphicsContext g, double w, double h);

    /** The colours and type it paints with. */
    public Palette palette() {
        return palette;
    }

    /** The canvas, for tests that look at pixels. */
    Canvas canvas() {
        return canvas;
    }
}
