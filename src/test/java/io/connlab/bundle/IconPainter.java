package io.connlab.bundle;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws ConnLab's icon: a client (left) and a server (right) joined by the lab's three ways of
 * keeping in touch, one lane each: a solid line (WebSocket), a dashed one (polling) and a
 * dotted one (pooled connections), on a calm blue tile. Writes it as PNG (Linux, the window),
 * ICO (Windows) and ICNS (macOS); the latter two just wrap PNGs, which both formats allow.
 */
final class IconPainter {

    private static final Color TILE_TOP = new Color(0x2F6FA3);
    private static final Color TILE_BOTTOM = new Color(0x1D4A73);
    private static final Color[] LANES = {new Color(0xF2C14E), new Color(0x7DD3C0), new Color(0xF28C8C)};

    private IconPainter() {
    }

    static BufferedImage paint(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.scale(s, s);
        g.setPaint(new GradientPaint(0, 0, TILE_TOP, 0, 256, TILE_BOTTOM));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        double left = 62, right = 194;
        float[][] dashes = {null, {22f, 14f}, {2f, 16f}};
        for (int lane = 0; lane < 3; lane++) {
            double y = 78 + lane * 50;
            float[] dash = dashes[lane];
            g.setColor(LANES[lane]);
            g.setStroke(dash == null ? new BasicStroke(12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            g.draw(new Line2D.Double(left + 14, y, right - 14, y));
        }
        g.setColor(Color.WHITE);
        for (double x : new double[]{left, right}) {
            g.fill(new RoundRectangle2D.Double(x - 14, 56, 28, 144, 28, 28));
        }
        g.setColor(TILE_BOTTOM);
        g.fill(new Ellipse2D.Double(left - 5, 120, 10, 10));
        g.fill(new Ellipse2D.Double(right - 5, 120, 10, 10));
        g.dispose();
        return img;
    }

    static byte[] png(int size) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(paint(size), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Windows icon holding PNG images of 16 to 256 pixels (Vista and later read PNG entries). */
    static byte[] ico() throws IOException {
        int[] sizes = {16, 24, 32, 48, 64, 128, 256};
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) images.add(png(size));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LittleEndian out = new LittleEndian(bytes);
        out.short16(0);
        out.short16(1); // an icon, not a cursor
        out.short16(sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            int wh = sizes[i] >= 256 ? 0 : sizes[i]; // 0 means 256
            bytes.write(wh);
            bytes.write(wh);
            bytes.write(0); // no palette
            bytes.write(0);
            out.short16(1); // colour planes
            out.short16(32); // bits per pixel
            out.int32(images.get(i).length);
            out.int32(offset);
            offset += images.get(i).length;
        }
        for (byte[] image : images) bytes.write(image);
        return bytes.toByteArray();
    }

    /** A macOS icon family holding PNG images of 16 to 1024 pixels. */
    static byte[] icns() throws IOException {
        String[] types = {"icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {16, 32, 64, 128, 256, 512, 1024};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body); // big-endian, as ICNS wants
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            out.writeBytes(types[i]);
            out.writeInt(8 + image.length);
            out.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream head = new DataOutputStream(file);
        head.writeBytes("icns");
        head.writeInt(8 + body.size());
        body.writeTo(file);
        return file.toByteArray();
    }

    /** Writes the icon in {@code format} (png, ico or icns) to {@code file}. */
    static Path write(String format, Path file) throws IOException {
        byte[] data = switch (format) {
            case "png" -> png(256);
            case "ico" -> ico();
            case "icns" -> icns();
            default -> throw new IllegalArgumentException("no icon format " + format);
        };
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, data);
    }

    private record LittleEndian(ByteArrayOutputStream out) {
        void short16(int v) {
            out.write(v & 0xff);
            out.write((v >>> 8) & 0xff);
        }

        void int32(int v) {
            short16(v & 0xffff);
            short16(v >>> 16);
        }
    }
}
