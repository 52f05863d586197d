package io.connlab.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** A picture of the window as a PNG: taken on the FX thread, written wherever the caller likes. */
public final class WindowPicture {

    private final BufferedImage image;

    private WindowPicture(BufferedImage image) {
        this.image = image;
    }

    /** Takes the picture; FX thread only. */
    public static WindowPicture of(Scene scene) {
        WritableImage shot = scene.snapshot(null);
        return new WindowPicture(SwingFXUtils.fromFXImage(shot, null));
    }

    /** Writes the PNG; may be called on any thread. */
    public void save(Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer available");
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
