package io.connlab.ui.toolbar;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Theme and type size of the window. The root font size scales everything (paddings in em,
 * canvases' text), so A+ makes the whole window readable from the back of a room.
 */
public final class AppearanceModel {

    public static final double DEFAULT_FONT = 16;
    public static final double MIN_FONT = 11;
    public static final double MAX_FONT = 32;
    private static final double STEP = 2;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.PRIMER_LIGHT);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", DEFAULT_FONT);

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    public double fontSize() {
        return fontSize.get();
    }

    public void setFontSize(double px) {
        fontSize.set(clamp(Double.isFinite(px) ? px : DEFAULT_FONT));
    }

    public void bigger() {
        setFontSize(fontSize.get() + STEP);
    }

    public void smaller() {
        setFontSize(fontSize.get() - STEP);
    }

    /** Light to dark and back, keeping the theme family. */
    public void toggleDark() {
        theme.set(theme.get().twin());
    }

    private static double clamp(double px) {
        return Math.max(MIN_FONT, Math.min(MAX_FONT, Math.round(px)));
    }
}
