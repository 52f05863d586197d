package io.connlab.ui.canvas;

import io.connlab.metrics.Technique;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The colours and type the canvases paint with, read from the stylesheet: a few tiny regions
 * styled with the theme's looked-up colours sit in the scene, and the canvases read their
 * computed backgrounds. So a theme switch or a new accent in lab.css needs no Java change.
 */
public final class Palette {

    /** The theme colours a canvas uses. */
    public enum Role { FG, MUTED, SUBTLE, BORDER, CANVAS, DANGER, SUCCESS, WARNING }

    private final Pane holder = new Pane();
    private final Map<Role, Region> roles = new EnumMap<>(Role.class);
    private final Map<Technique, Region> lanes = new EnumMap<>(Technique.class);
    private final Label type = new Label();
    private final Map<Double, Font> fonts = new HashMap<>();

    public Palette() {
        holder.setManaged(false);
        holder.setMouseTransparent(true);
        holder.setMaxSize(0, 0);
        holder.setOpacity(0);
        for (Role r : Role.values()) roles.put(r, swatch("swatch-" + r.name().toLowerCase(java.util.Locale.ROOT)));
        for (Technique k : Technique.values()) lanes.put(k, swatch("swatch", "lane-" + k.id()));
        holder.getChildren().add(type);
    }

    /**
     * Calls {@code repaint} when the type size (A+/A-) or the theme changes, so text and marks
     * drawn on canvases follow at once, even on a canvas that is not repainted every frame.
     */
    public void onChange(Runnable repaint) {
        // CSS may set equal values again (a new Font, a new Background): repaint only on a real change
        type.fontProperty().addListener((o, a, b) -> {
            if (a == null || b == null || a.getSize() != b.getSize() || !a.getFamily().equals(b.getFamily())) repaint.run();
        });
        Region canvas = roles.get(Role.CANVAS);
        canvas.backgroundProperty().addListener((o, a, b) -> {
            if (!java.util.Objects.equals(a, b)) repaint.run();
        });
    }

    /** Put this node anywhere in the scene (it is invisible and takes no space). */
    public Node node() {
        return holder;
    }

    /** The colours and type size one paint of a lane's canvas uses, read once per paint. */
    public record Ink(Color fg, Color muted, Color border, Color danger, Color warning, Color canvas, Color accent, double em) {
    }

    /** The theme's colours now, with {@code lane}'s accent, for a canvas about to paint. */
    public Ink ink(Technique lane) {
        return new Ink(color(Role.FG), color(Role.MUTED), color(Role.BORDER), color(Role.DANGER), color(Role.WARNING),
                color(Role.CANVAS), lane(lane), fontSize());
    }

    public Color color(Role role) {
        return read(roles.get(role), Color.GRAY);
    }

    public Color lane(Technique kind) {
        return read(lanes.get(kind), Color.STEELBLUE);
    }

    /** The window's font at {@code scale} times its size (it follows A+/A-). */
    public Font font(double scale) {
        double size = Math.round(type.getFont().getSize() * scale * 2) / 2.0;
        return fonts.computeIfAbsent(size, s -> Font.font(type.getFont().getFamily(), s));
    }

    /** The same family at {@code size} px. */
    public static Font sized(Font font, double size) {
        return Font.font(font.getFamily(), size);
    }

    public double fontSize() {
        return type.getFont().getSize();
    }

    private Region swatch(String... styleClasses) {
        Region r = new Region();
        r.getStyleClass().addAll(styleClasses);
        r.resize(1, 1);
        holder.getChildren().add(r);
        return r;
    }

    private static Color read(Region r, Color fallback) {
        Background b = r.getBackground();
        if (b == null || b.getFills().isEmpty()) return fallback;
        Paint p = b.getFills().get(0).getFill();
        return p instanceof Color c ? c : fallback;
    }
}
