package io.connlab.ui.model;

/**
 * Which texts need the bundled CJK font: a font chosen for its shape (the monospace of code)
 * has no Chinese on a machine without CJK fonts, and JavaFX would draw boxes.
 */
public final class Scripts {
    /** The style class that gives a node the bundled family (the window's style sheet defines it). */
    public static final String STYLE_CLASS = "wide-script";

    private Scripts() {
    }

    /** True when {@code s} has a character beyond Latin, Greek, Cyrillic and the common punctuation and symbols. */
    public static boolean needsWideFont(String s) {
        return s != null && s.codePoints().anyMatch(c -> c >= 0x2E80);
    }
}
