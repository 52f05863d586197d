package io.connlab.ui;

import io.connlab.lesson.LessonLibrary;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The CJK font the build subsets and bundles can draw every character of the Chinese bundle,
 * of the English one, and of every lesson in both languages (java.awt's canDisplayUpTo, over
 * the very font files the window loads), in both faces.
 */
class BundledFontCoversChineseTest {

    @Test
    void eachBundledFaceDisplaysEveryCharacterOfTheBundlesAndLessons() throws Exception {
        String text = text();
        for (String face : Fonts.FACES) {
            try (InputStream in = Fonts.class.getResourceAsStream(face)) {
                assertNotNull(in, face + " is on the class path (the build fetches and subsets it)");
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                int at = font.canDisplayUpTo(text);
                assertEquals(-1, at, () -> face + " cannot display '" + new String(Character.toChars(text.codePointAt(at)))
                        + "' (U+" + Integer.toHexString(text.codePointAt(at)).toUpperCase() + ")");
            }
        }
    }

    private static String text() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String suffix : new String[]{"", "_zh"}) {
            Properties p = I18nBundlesTest.load(suffix);
            p.stringPropertyNames().forEach(k -> sb.append(p.getProperty(k)));
        }
        for (String language : LessonLibrary.LANGUAGES) {
            try (Stream<Path> files = Files.list(Path.of("lessons", language))) {
                sb.append(files.map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).collect(Collectors.joining()));
            }
        }
        // line breaks and tabs are layout, not glyphs
        return sb.toString().codePoints().filter(c -> c >= 0x20).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }
}
