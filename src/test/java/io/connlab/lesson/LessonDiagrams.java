package io.connlab.lesson;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Draws the lessons' diagrams (assets/lessons/*.png) with java.awt, in English and Chinese, so
 * they can be redrawn after a change: {@code mvn -q test -Dtest=LessonDiagramsTest -Dconnlab.redrawDiagrams=true}.
 *
 * <p>They are drawn for the lesson pane they live in: a picture there is {@link #PANE_WIDTH} pixels
 * wide at the window's default size (LessonPictureWidthTest holds that), so the pictures are drawn
 * {@link #W} wide, a little over twice that, and every label is at least {@link #MIN_LABEL}
 * pixels, 13 px in the pane (LessonDiagramsTest checks 12 px or more). Text is set in
 * Noto Sans SC, the font the build bundles, read in full from {@code target/cjk-font}. Shapes
 * use the lanes' accents from lab.css; text uses them too where they reach 4.5:1 against their
 * background, and a darker shade of them where they do not. Every label is recorded as drawn
 * ({@link Drawn}), so a test can check size and contrast.
 */
final class LessonDiagrams {
    /**
     * Width in pixels of a picture in the lesson pane at the window's default size: the window
     * opens 1600 px wide (LabWindow.show), the pane takes what is right of LessonDock's divider
     * at 0.72 (446 px), less the scroll bar and the body's padding (a 374 px frame) and the
     * image frame's 4 px. Measured on the window under Xvfb, lessons 1 and 4 open.
     */
    static final int PANE_WIDTH = 370;
    /** The pictures' width: a little over twice the pane's, so they stay sharp on a 2x screen or a wide pane. */
    static final int W = 800;
    /** The smallest label, in picture pixels: 13 px in the pane. */
    static final int MIN_LABEL = 28;
    private static final int LABEL = 30;
    private static final int HEAD = 32;
    private static final int TITLE = 36;

    static final Color PAPER = Color.WHITE;
    private static final Color INK = new Color(0x24, 0x29, 0x2f);
    private static final Color MUTED_TEXT = new Color(0x57, 0x60, 0x6a);
    private static final Color MUTED_LINE = new Color(0x8c, 0x95, 0x9f);
    private static final Color BAD = new Color(0xc0, 0x36, 0x2c);
    // the lanes' accents, as in lab.css (light theme)
    private static final Color WS = new Color(0x2b, 0x6c, 0xc4);
    private static final Color LONG = new Color(0x7a, 0x4f, 0xd0);
    private static final Color SHORT = new Color(0xa8, 0x6f, 0x00);
    private static final Color POOLED = new Color(0x1f, 0x7a, 0x3a);
    private static final Color PROXY = new Color(0x12, 0x75, 0x80);

    /** One label as drawn: its text, font size in picture pixels, colour, the colour behind it, and where it runs. */
    record Drawn(String text, int size, Color ink, Color background, int left, int right) {
    }

    /** A drawn picture and the labels on it. */
    record Diagram(BufferedImage image, List<Drawn> labels) {
    }

    private final Map<String, String> t;
    private final Font regular;
    private final Font bold;
    private List<Drawn> drawn;

    private LessonDiagrams(String language) {
        this.t = Labels.of(language);
        this.regular = bundledFont("400Regular/NotoSansSC_400Regular.ttf");
        this.bold = bundledFont("700Bold/NotoSansSC_700Bold.ttf");
    }

    /** Every diagram in every language, by file name. */
    static Map<String, Diagram> drawAll() {
        Map<String, Diagram> out = new LinkedHashMap<>();
        for (String lang : LessonLibrary.LANGUAGES) {
            LessonDiagrams d = new LessonDiagrams(lang);
            out.put("polling-timeline-" + lang + ".png", d.pollingTimeline());
            out.put("websocket-lifecycle-" + lang + ".png", d.websocketLifecycle());
            out.put("pool-connections-" + lang + ".png", d.poolConnections());
            out.put("environment-lifecycle-" + lang + ".png", d.environmentLifecycle());
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/lessons");
        Files.createDirectories(dir);
        for (Map.Entry<String, Diagram> e : drawAll().entrySet()) ImageIO.write(e.getValue().image(), "png", dir.resolve(e.getKey()).toFile());
    }

    /** Push, held poll and short poll on one time axis, for one message published at the same moment. */
    Diagram pollingTimeline() {
        return diagram("timeline.title", 732, g -> {
            int x0 = 130, x1 = W - 24, msgX = 440;
            dashed(g, msgX, 100, msgX, 700, MUTED_LINE);
            label(g, t.get("timeline.published"), msgX - width(t.get("timeline.published"), MIN_LABEL, false) / 2, 96, MIN_LABEL, MUTED_TEXT, false, PAPER);
            String[] rows = {"lane.websocket", "lane.longPoll", "lane.shortPoll"};
            Color[] colors = {WS, LONG, SHORT};
            for (int i = 0; i < 3; i++) {
                int name = 150 + i * 195, top = name + 30, client = top + 110;
                Color c = colors[i];
                label(g, t.get(rows[i]), 24, name, HEAD, c, true, PAPER);
                line(g, x0, top, x1, top, MUTED_LINE, 2);
                line(g, x0, client, x1, client, MUTED_LINE, 2);
                label(g, t.get("server"), x0 - 10 - width(t.get("server"), MIN_LABEL, false), top + 9, MIN_LABEL, MUTED_TEXT, false, PAPER);
                label(g, t.get("client"), x0 - 10 - width(t.get("client"), MIN_LABEL, false), client + 9, MIN_LABEL, MUTED_TEXT, false, PAPER);
                switch (i) {
                    case 0 -> arrow(g, msgX + 6, top, msgX + 40, client, c);
                    case 1 -> {
                        arrow(g, x0 + 20, client, x0 + 50, top, c);
                        g.setColor(tint(c, 0.3));
                        g.fillRect(x0 + 50, top + 4, msgX + 6 - x0 - 50, 14);
                        label(g, t.get("timeline.held"), 24 + width(t.get(rows[i]), HEAD, true) + 24, name, MIN_LABEL, c, false, PAPER);
                        arrow(g, msgX + 6, top, msgX + 40, client, c);
                        arrow(g, msgX + 60, client, msgX + 90, top, c);
                    }
                    default -> {
                        for (int x = x0 + 30; x < x1 - 60; x += 150) {
                            boolean finds = x > msgX && x - 150 <= msgX;
                            arrow(g, x, client, x + 22, top, finds ? c : MUTED_LINE);
                            arrow(g, x + 30, top, x + 52, client, finds ? c : MUTED_LINE);
                            if (!finds && x < msgX) label(g, t.get("timeline.empty"), x + 6, client + 34, MIN_LABEL, MUTED_TEXT, false, PAPER);
                            if (finds) label(g, t.get("timeline.found"), x + 6, client + 34, MIN_LABEL, c, false, PAPER);
                        }
                    }
                }
            }
        });
    }

    /** The client, API Gateway, the route functions and the way back through @connections. */
    Diagram websocketLifecycle() {
        return diagram("ws.title", 640, g -> {
            box(g, 20, 170, 120, 120, t.get("client"), WS, LABEL);
            box(g, 300, 80, 230, 380, t.get("ws.gateway"), INK, LABEL);
            Color gatewayFill = tint(INK, 0.06);
            line(g, 678, 270, 678, 500, BAD, 3); // the way back, first, so it passes behind the $disconnect function
            line(g, 678, 500, 410, 500, BAD, 3);
            String[] routes = {"$connect", "sendmessage", "$default", "$disconnect"};
            for (int i = 0; i < routes.length; i++) {
                int y = 140 + i * 76;
                pill(g, 310, y, 210, 54, routes[i], i == 2 ? MUTED_LINE : INK, gatewayFill);
                if (i == 2) continue;
                pill(g, 562, y, 232, 54, "λ " + routes[i].replace("$", ""), WS, PAPER);
                arrow(g, 520, y + 27, 562, y + 27, WS);
            }
            arrow(g, 140, 195, 310, 167, WS);
            label(g, t.get("ws.connect"), 152, 160, MIN_LABEL, WS, false, PAPER);
            arrow(g, 140, 240, 310, 243, WS);
            label(g, t.get("ws.message"), 152, 276, MIN_LABEL, WS, false, PAPER);
            arrow(g, 410, 500, 410, 462, BAD);
            arrow(g, 300, 430, 140, 290, BAD);
            label(g, t.get("ws.push"), 20, 548, LABEL, BAD, true, PAPER);
            label(g, t.get("ws.gone"), 20, 584, MIN_LABEL, BAD, false, PAPER);
            label(g, t.get("ws.noDefault"), 20, 622, MIN_LABEL, MUTED_TEXT, false, PAPER);
        });
    }

    /** Two panels, each with its own database: a pool per container filling max_connections, and the same containers through RDS Proxy. */
    Diagram poolConnections() {
        return diagram("pool.title", 880, g -> {
            // top: every container keeps its own pool; the database takes 8, the rest are refused
            label(g, t.get("pool.perContainer"), 24, 110, HEAD, POOLED, true, PAPER);
            int dbX = 560, dbW = 220;
            database(g, dbX, 130, dbW, 8, 8, POOLED);
            for (int c = 0; c < 8; c++) line(g, 24 + (c % 4) * 100 + 84, 150 + (c / 4) * 66 + 23, dbX + 24, 190 + 9 + c * 24, tint(POOLED, 0.5), 2);
            for (int c = 0; c < 12; c++) pill(g, 24 + (c % 4) * 100, 150 + (c / 4) * 66, 84, 46, "λ" + (c + 1), c < 8 ? POOLED : BAD, PAPER);
            label(g, t.get("pool.refused"), 24, 400, MIN_LABEL, BAD, false, PAPER);
            line(g, 0, 450, W, 450, MUTED_LINE, 1);
            // bottom: the same twelve containers share the proxy's three connections
            label(g, t.get("pool.viaProxy"), 24, 500, HEAD, PROXY, true, PAPER);
            int top = 540;
            database(g, dbX, top - 10, dbW, 8, 3, PROXY);
            box(g, 348, top + 50, 174, 100, t.get("pool.proxy"), PROXY, LABEL);
            for (int c = 0; c < 12; c++) line(g, 24 + (c % 4) * 80 + 66, top + 20 + (c / 4) * 66 + 23, 348, top + 110, tint(PROXY, 0.5), 2);
            for (int c = 0; c < 12; c++) pill(g, 24 + (c % 4) * 80, top + 20 + (c / 4) * 66, 66, 46, "λ", PROXY, PAPER);
            for (int s = 0; s < 3; s++) line(g, 522, top + 90 + s * 20, dbX + 24, top + 50 + 9 + s * 24, PROXY, 3);
            label(g, t.get("pool.shared"), 24, 860, MIN_LABEL, PROXY, false, PAPER);
        });
    }

    /** Init, Invoke, frozen, reused, Shutdown on two environments, the second one started by a request at the same time. */
    Diagram environmentLifecycle() {
        return diagram("life.title", 530, g -> {
            Color init = SHORT, invoke = WS, frozen = MUTED_LINE, shutdown = INK;
            label(g, t.get("life.envA"), 24, 112, HEAD, INK, true, PAPER);
            int a = 130, h = 64;
            phase(g, 24, a, 100, h, t.get("life.init"), init);
            phase(g, 124, a, 120, h, t.get("life.invoke"), invoke);
            phase(g, 244, a, 130, h, t.get("life.frozen"), frozen);
            phase(g, 374, a, 120, h, t.get("life.invoke"), invoke);
            phase(g, 494, a, 110, h, t.get("life.frozen"), frozen);
            phase(g, 604, a, 172, h, t.get("life.shutdown"), shutdown);
            line(g, 74, a + h, 74, a + h + 22, SHORT, 2);
            label(g, t.get("life.cold"), 24, a + h + 48, MIN_LABEL, SHORT, false, PAPER);
            line(g, 434, a, 434, a - 14, WS, 2);
            label(g, t.get("life.reused"), W - 24 - width(t.get("life.reused"), MIN_LABEL, false), 110, MIN_LABEL, WS, false, PAPER);
            label(g, t.get("life.envB"), 24, 322, HEAD, INK, true, PAPER);
            int b = 340;
            phase(g, 124, b, 100, h, t.get("life.init"), init);
            phase(g, 224, b, 120, h, t.get("life.invoke"), invoke);
            phase(g, 344, b, 432, h, t.get("life.frozen"), frozen);
            label(g, t.get("life.oneAtATime"), 24, b + h + 40, MIN_LABEL, MUTED_TEXT, false, PAPER);
            arrow(g, 24, 480, W - 24, 480, MUTED_LINE);
            label(g, t.get("life.time"), W - 30 - width(t.get("life.time"), MIN_LABEL, false), 514, MIN_LABEL, MUTED_TEXT, false, PAPER);
        });
    }

    /** A diagram: the paper, its title, then what {@code body} draws; its labels as drawn. */
    private Diagram diagram(String titleKey, int height, Consumer<Graphics2D> body) {
        BufferedImage img = new BufferedImage(W, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(PAPER);
        g.fillRect(0, 0, W, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        drawn = new ArrayList<>();
        label(g, t.get(titleKey), 20, 46, TITLE, INK, true, PAPER);
        body.accept(g);
        g.dispose();
        return new Diagram(img, List.copyOf(drawn));
    }

    /** Draws and records a label; its colour is darkened until it reads at 4.5:1 on {@code bg}. */
    private void label(Graphics2D g, String s, int x, int y, int size, Color c, boolean isBold, Color bg) {
        Color ink = readable(c, bg);
        int w = width(s, size, isBold);
        drawn.add(new Drawn(s, size, ink, bg, x, x + w));
        g.setColor(bg); // a plate of the background, so a line passing behind never touches the letters
        g.fillRect(x - 3, y - size, w + 6, (int) (size * 1.3));
        g.setColor(ink);
        int at = x;
        for (Run run : runs(s, size, isBold)) {
            g.setFont(run.font());
            g.drawString(run.text(), at, y);
            at += g.getFontMetrics(run.font()).stringWidth(run.text());
        }
    }

    private int width(String s, int size, boolean isBold) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        int w = 0;
        for (Run run : runs(s, size, isBold)) w += g.getFontMetrics(run.font()).stringWidth(run.text());
        g.dispose();
        return w;
    }

    private record Run(Font font, String text) {
    }

    /** The bundled font where it has the glyph, the logical SansSerif where it does not (λ). */
    private List<Run> runs(String s, int size, boolean isBold) {
        Font main = (isBold ? bold : regular).deriveFont((float) size);
        Font fallback = new Font(Font.SANS_SERIF, isBold ? Font.BOLD : Font.PLAIN, size);
        List<Run> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Font current = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            Font f = main.canDisplay(cp) ? main : fallback;
            if (current != null && f != current) {
                out.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = f;
            run.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (current != null) out.add(new Run(current, run.toString()));
        return out;
    }

    private void box(Graphics2D g, int x, int y, int w, int h, String label, Color c, int size) {
        Color fill = tint(c, 0.08);
        g.setColor(fill);
        g.fillRoundRect(x, y, w, h, 18, 18);
        g.setColor(c);
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(x, y, w, h, 18, 18);
        label(g, label, x + 12, y + Math.min(38, h / 2 + size * 2 / 5), size, c, true, fill);
    }

    private void pill(Graphics2D g, int x, int y, int w, int h, String label, Color c, Color behind) {
        Color fill = tint(c, 0.12, behind);
        g.setColor(fill);
        g.fillRoundRect(x, y, w, h, h, h);
        g.setColor(c);
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(x, y, w, h, h, h);
        label(g, label, x + (w - width(label, MIN_LABEL, false)) / 2, y + h / 2 + 10, MIN_LABEL, c, false, fill);
    }

    /** A phase of an environment's life: a tinted block with its name in dark ink. */
    private void phase(Graphics2D g, int x, int y, int w, int h, String label, Color c) {
        Color fill = tint(c, 0.25);
        g.setColor(fill);
        g.fillRect(x, y, w, h);
        g.setColor(c);
        g.setStroke(new BasicStroke(2));
        g.drawRect(x, y, w, h);
        label(g, label, x + (w - width(label, LABEL, true)) / 2, y + h / 2 + 10, LABEL, INK, true, fill);
    }

    /** A database with {@code slots} connection slots, {@code used} of them taken in colour {@code c}. */
    private void database(Graphics2D g, int x, int y, int w, int slots, int used, Color c) {
        box(g, x, y, w, 60 + slots * 24 + 10, t.get("pool.db"), INK, LABEL);
        for (int s = 0; s < slots; s++) {
            int sy = y + 60 + s * 24;
            g.setColor(s < used ? tint(c, 0.55) : PAPER);
            g.fillRoundRect(x + 24, sy, w - 48, 18, 8, 8);
            g.setColor(s < used ? c : MUTED_LINE);
            g.setStroke(new BasicStroke(1.5f));
            g.drawRoundRect(x + 24, sy, w - 48, 18, 8, 8);
        }
        label(g, t.get("pool.max"), x + w - width(t.get("pool.max"), MIN_LABEL, false), y - 32, MIN_LABEL, INK, false, PAPER);
    }

    private static void line(Graphics2D g, int x0, int y0, int x1, int y1, Color c, float w) {
        g.setColor(c);
        g.setStroke(new BasicStroke(w));
        g.drawLine(x0, y0, x1, y1);
    }

    private static void dashed(Graphics2D g, int x0, int y0, int x1, int y1, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 8}, 0));
        g.drawLine(x0, y0, x1, y1);
    }

    private static void arrow(Graphics2D g, int x0, int y0, int x1, int y1, Color c) {
        line(g, x0, y0, x1, y1, c, 3);
        double a = Math.atan2(y1 - y0, x1 - x0);
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(x1 - 14 * Math.cos(a - 0.4), y1 - 14 * Math.sin(a - 0.4));
        head.lineTo(x1 - 14 * Math.cos(a + 0.4), y1 - 14 * Math.sin(a + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** {@code c} laid over the paper at {@code share} opacity, as one opaque colour. */
    private static Color tint(Color c, double share) {
        return tint(c, share, PAPER);
    }

    private static Color tint(Color c, double share, Color under) {
        return new Color(mix(c.getRed(), under.getRed(), share), mix(c.getGreen(), under.getGreen(), share),
                mix(c.getBlue(), under.getBlue(), share));
    }

    private static int mix(int top, int under, double share) {
        return (int) Math.round(top * share + under * (1 - share));
    }

    /** {@code c}, or the first darker shade of it that reads at 4.5:1 on {@code bg}. */
    static Color readable(Color c, Color bg) {
        Color out = c;
        while (contrast(out, bg) < 4.5) out = new Color((int) (out.getRed() * 0.92), (int) (out.getGreen() * 0.92), (int) (out.getBlue() * 0.92));
        return out;
    }

    /** WCAG 2 contrast ratio of two opaque colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** The full Noto Sans SC the build unpacks into target/cjk-font (the bundle carries a subset of it). */
    static Font bundledFont(String file) {
        Path p = Path.of("target/cjk-font/package", file);
        if (!Files.isRegularFile(p)) throw new IllegalStateException(p + " is missing: run mvn process-resources first");
        try {
            return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
        } catch (FontFormatException e) {
            throw new IllegalStateException(p + " is not a TrueType font", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
