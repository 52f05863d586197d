package io.connlab.ui;

import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The CJK font the build bundles (Noto Sans SC, SIL OFL 1.1, subset to the window's
 * characters): loaded once at start so Chinese renders on a machine with only default fonts.
 * When it is missing (a build without it) the window keeps the system font, which on Windows
 * and macOS has CJK fallbacks.
 */
public final class Fonts {
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    /** The faces the build puts on the class path. */
    static final String[] FACES = {"fonts/NotoSansSC-Regular.ttf", "fonts/NotoSansSC-Bold.ttf"};
    private static volatile String family;

    private Fonts() {
    }

    /** Loads the bundled faces (idempotent); FX toolkit started. */
    public static synchronized void load() {
        if (family != null) return;
        for (String face : FACES) {
            try (InputStream in = Fonts.class.getResourceAsStream(face)) {
                if (in == null) {
                    LOG.warn("no bundled CJK font {}: Chinese needs a system font", face);
                    continue;
                }
                Font f = Font.loadFont(in, 12);
                if (f != null && family == null) family = f.getFamily();
            } catch (IOException e) {
                LOG.warn("could not load {}: {}", face, e.getMessage());
            }
        }
    }

    /** The bundled family ("Noto Sans SC") once loaded; empty when it is not bundled. */
    public static Optional<String> family() {
        return Optional.ofNullable(family);
    }
}
