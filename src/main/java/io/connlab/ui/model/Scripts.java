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

    /** True when {@code s} has a CJK character (ideographs, kana, hangul, CJK and full-width punctuation). */
    public static boolean needsWideFont(String s) {
        return s != null && s.codePoints().anyMatch(Scripts::wide);
    }

    private static boolean wide(int c) {
        // not the private use area (U+E000..U+F8FF): icon fonts draw their own glyphs there
        return c >= 0x2E80 && c <= 0xD7AF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFFEF || c >= 0x20000 && c <= 0x3FFFF;
    }
}
