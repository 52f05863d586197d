package io.connlab.lesson;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws the lessons' diagrams (assets/lessons/*.png) with java.awt, in English and Chinese, so
 * they can be redrawn after a change: {@code mvn -q test -Dtest=LessonDiagramsTest -Dconnlab.redrawDiagrams=true}
 * (needs a font with Chinese glyphs, such as Noto Sans CJK or Droid Sans Fallback).
 */
final class LessonDiagrams {
    static final int W = 1200;
    static final int H = 560;
    private static final Color INK = new Color(0x2b, 0x2f, 0x36);
    private static final Color MUTED = new Color(0x8a, 0x91, 0x9c);
    private static final Color WS = new Color(0x3b, 0x82, 0xc4);
    private static final Color LONG = new Color(0x2f, 0x9e, 0x6e);
    private static final Color SHORT = new Color(0xd9, 0x8a, 0x2b);
    private static final Color BAD = new Color(0xc8, 0x4b, 0x4b);
    private static final Color PAPER = new Color(0xfb, 0xfb, 0xf8);

    private final Map<String, String> t;
    private final String fontName;

    private LessonDiagrams(String language) {
        this.t = Labels.of(language);
        this.fontName = language.equals("zh") ? cjkFont() : Font.SANS_SERIF;
    }

    /** Every diagram in every language, by file name. */
    static Map<String, BufferedImage> drawAll() {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        for (String lang : LessonLibrary.LANGUAGES) {
            LessonDiagrams d = new LessonDiagrams(lang);
            out.put("polling-timeline-" + lang + ".png", d.pollingTimeline());
            out.put("websocket-lifecycle-" + lang + ".png", d.websocketLifecycle());
            out.put("pool-connections-" + lang + ".png", d.poolConnections());
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/lessons");
        Files.createDirectories(dir);
        for (Map.Entry<String, BufferedImage> e : drawAll().entrySet()) ImageIO.write(e.getValue(), "png", dir.resolve(e.getKey()).toFile());
    }

    /** Push, held poll and short poll on one time axis, for one message published at the same moment. */
    BufferedImage pollingTimeline() {
        return diagram("timeline.title", g -> {
        int x0 = 220, x1 = W - 60, msgX = 640;
        dashed(g, msgX, 80, msgX, H - 50, MUTED);
        text(g, t.get("timeline.published"), msgX - 90, 95, 17, MUTED, false);
        String[] rows = {"lane.websocket", "lane.longPoll", "lane.shortPoll"};
        Color[] colors = {WS, LONG, SHORT};
        for (int i = 0; i < 3; i++) {
            int top = 130 + i * 140, client = top + 90;
            text(g, t.get(rows[i]), 40, top + 52, 21, colors[i], true);
            line(g, x0, top, x1, top, MUTED, 2);
            line(g, x0, client, x1, client, MUTED, 2);
            text(g, t.get("server"), x0 - 8 - width(g, t.get("server"), 15), top + 5, 15, MUTED, false);
            text(g, t.get("client"), x0 - 8 - width(g, t.get("client"), 15), client + 5, 15, MUTED, false);
            switch (i) {
                case 0 -> arrow(g, msgX + 6, top, msgX + 40, client, colors[i]);
                case 1 -> {
                    arrow(g, x0 + 40, client, x0 + 70, top, colors[i]);
                    g.setColor(withAlpha(colors[i], 50));
                    g.fillRect(x0 + 70, top + 4, msgX + 6 - x0 - 70, 14);
                    text(g, t.get("timeline.held"), x0 + 90, top + 38, 16, colors[i], false);
                    arrow(g, msgX + 6, top, msgX + 40, client, colors[i]);
                    arrow(g, msgX + 60, client, msgX + 90, top, colors[i]);
                }
                default -> {
                    for (int x = x0 + 40; x < x1 - 40; x += 170) {
                        boolean finds = x > msgX && x - 170 <= msgX;
                        arrow(g, x, client, x + 22, top, colors[i]);
                        arrow(g, x + 30, top, x + 52, client, finds ? colors[i] : MUTED);
                        if (!finds && x < msgX) text(g, t.get("timeline.empty"), x + 12, client + 26, 14, MUTED, false);
                        if (finds) text(g, t.get("timeline.found"), x + 12, client + 26, 16, colors[i], false);
                    }
                }
            }
        }
        });
    }

    /** The client, API Gateway, the route functions and the way back through @connections. */
    BufferedImage websocketLifecycle() {
        return diagram("ws.title", g -> {
        box(g, 40, 200, 200, 150, t.get("client"), WS);
        box(g, 480, 100, 240, 350, "API Gateway", INK);
        String[] routes = {"$connect", "sendmessage", "$default", "$disconnect"};
        for (int i = 0; i < routes.length; i++) {
            int y = 150 + i * 70;
            pill(g, 500, y, 200, 48, routes[i], i == 2 ? MUTED : INK);
            if (i == 2) {
                text(g, t.get("ws.noDefault"), 730, y + 30, 15, MUTED, false);
                continue;
            }
            box(g, 900, y - 4, 260, 56, "λ " + routes[i], LONG);
            arrow(g, 700, y + 24, 900, y + 24, LONG);
        }
        arrow(g, 240, 225, 500, 178, WS);
        text(g, t.get("ws.connect"), 255, 190, 15, WS, false);
        arrow(g, 240, 262, 500, 248, WS);
        text(g, t.get("ws.message"), 255, 290, 15, WS, false);
        line(g, 1160, 244, 1185, 244, BAD, 3);
        line(g, 1185, 244, 1185, 480, BAD, 3);
        line(g, 1185, 480, 600, 480, BAD, 3);
        arrow(g, 600, 480, 600, 452, BAD);
        arrow(g, 480, 430, 240, 345, BAD);
        text(g, t.get("ws.push"), 620, 510, 17, BAD, true);
        text(g, t.get("ws.gone"), 620, 536, 15, BAD, false);
        });
    }

    /** Containers with a connection each, filling max_connections, beside a shared proxy pool. */
    BufferedImage poolConnections() {
        return diagram("pool.title", g -> {
        int dbX = 880, dbW = 280;
        box(g, dbX, 120, dbW, 380, t.get("pool.db"), INK);
        int slots = 10;
        for (int s = 0; s < slots; s++) {
            int y = 170 + s * 30;
            g.setColor(s < 8 ? withAlpha(SHORT, 140) : withAlpha(LONG, 140));
            g.fillRoundRect(dbX + 30, y, dbW - 60, 22, 8, 8);
        }
        text(g, t.get("pool.max"), dbX + 30, 490, 15, INK, false);
        for (int c = 0; c < 8; c++) { // lines first, so the containers are drawn over them
            line(g, 60 + (c % 4) * 110 + 90, 110 + (c / 4) * 75 + 23, dbX + 30, 181 + c * 30, withAlpha(SHORT, 110), 2);
        }
        for (int c = 0; c < 12; c++) {
            pill(g, 60 + (c % 4) * 110, 110 + (c / 4) * 75, 90, 46, "λ " + (c + 1), c < 8 ? SHORT : BAD);
        }
        text(g, t.get("pool.perContainer"), 60, 350, 17, SHORT, true);
        text(g, t.get("pool.refused"), 60, 376, 16, BAD, false);
        box(g, 560, 400, 200, 90, t.get("pool.proxy"), LONG);
        for (int c = 0; c < 6; c++) line(g, 90 + c * 75, 476, 560, 470, withAlpha(LONG, 110), 2);
        for (int c = 0; c < 6; c++) pill(g, 60 + c * 75, 440, 60, 36, "λ", LONG);
        line(g, 760, 430, dbX + 30, 421, LONG, 3);
        line(g, 760, 450, dbX + 30, 451, LONG, 3);
        text(g, t.get("pool.shared"), 60, 520, 16, LONG, false);
        });
    }

    /** A diagram: the paper, its title, then what {@code body} draws. */
    private BufferedImage diagram(String titleKey, java.util.function.Consumer<Graphics2D> body) {
        BufferedImage img = canvas();
        Graphics2D g = pen(img);
        text(g, t.get(titleKey), 40, 50, 26, INK, true);
        body.accept(g);
        g.dispose();
        return img;
    }

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(PAPER);
        g.fillRect(0, 0, W, H);
        g.dispose();
        return img;
    }

    private static Graphics2D pen(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** Draws {@code s} in runs: Latin text in SansSerif, the rest in the language's font (CJK fonts often lack Latin). */
    private void text(Graphics2D g, String s, int x, int y, int size, Color c, boolean bold) {
        g.setColor(c);
        int at = x;
        for (String[] run : runs(s)) {
            Font f = new Font(run[0], bold ? Font.BOLD : Font.PLAIN, size);
            g.setFont(f);
            g.drawString(run[1], at, y);
            at += g.getFontMetrics(f).stringWidth(run[1]);
        }
    }

    private int width(Graphics2D g, String s, int size) {
        int w = 0;
        for (String[] run : runs(s)) w += g.getFontMetrics(new Font(run[0], Font.PLAIN, size)).stringWidth(run[1]);
        return w;
    }

    private java.util.List<String[]> runs(String s) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        StringBuilder run = new StringBuilder();
        String current = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String f = ch < 0x2000 || ch == 'λ' ? Font.SANS_SERIF : fontName;
            if (current != null && !f.equals(current)) {
                out.add(new String[] {current, run.toString()});
                run.setLength(0);
            }
            current = f;
            run.append(ch);
        }
        if (current != null) out.add(new String[] {current, run.toString()});
        return out;
    }

    private void box(Graphics2D g, int x, int y, int w, int h, String label, Color c) {
        g.setColor(withAlpha(c, 25));
        g.fillRoundRect(x, y, w, h, 18, 18);
        g.setColor(c);
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(x, y, w, h, 18, 18);
        text(g, label, x + 14, y + 30, 18, c, true);
    }

    private void pill(Graphics2D g, int x, int y, int w, int h, String label, Color c) {
        g.setColor(withAlpha(c, 40));
        g.fillRoundRect(x, y, w, h, h, h);
        g.setColor(c);
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(x, y, w, h, h, h);
        text(g, label, x + (w - width(g, label, 16)) / 2, y + h / 2 + 6, 16, c, false);
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

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** A font that has Chinese glyphs, preferring Noto; the logical SansSerif font as the last resort. */
    static String cjkFont() {
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        for (String prefer : new String[] {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Droid Sans Fallback"}) {
            if (Arrays.asList(names).contains(prefer)) return prefer;
        }
        for (String n : names) if (new Font(n, Font.PLAIN, 12).canDisplayUpTo("连接池") == -1) return n;
        return Font.SANS_SERIF;
    }
}
