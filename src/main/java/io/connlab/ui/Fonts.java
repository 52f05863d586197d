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

    /**
     * A style sheet that gives the bundled family to every node marked {@link io.connlab.ui.model.Scripts#STYLE_CLASS}
     * (code in Chinese, which a monospace font without CJK would show as boxes); empty when it is not bundled.
     */
    public static Optional<String> stylesheet() {
        return family().map(f -> "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(
                ("." + io.connlab.ui.model.Scripts.STYLE_CLASS + " { -fx-font-family: \"" + f + "\" !important; }\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The bundled family ("Noto Sans SC") once loaded; empty when it is not bundled. */
    public static Optional<String> family() {
        return Optional.ofNullable(family);
    }
}
