package io.connlab.lesson;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagrams' program draws every diagram the lessons use, for the pane they are shown in:
 * each label at least 12 px tall and at 4.5:1 contrast or better at the pane's default width, in
 * both languages. With {@code -Dconnlab.redrawDiagrams=true} it also writes them to
 * assets/lessons (the committed PNGs are checked for size, not pixel by pixel).
 */
class LessonDiagramsTest {
    /** The smallest label, in the pane's pixels, at the pane's default width. */
    private static final double MIN_LABEL_PX = 12;
    private static final double MIN_CONTRAST = 4.5;

    @Test
    void everyLabelIsReadableAtThePanesDefaultWidth() {
        double scale = (double) LessonDiagrams.PANE_WIDTH / LessonDiagrams.W;
        for (Map.Entry<String, LessonDiagrams.Diagram> e : LessonDiagrams.drawAll().entrySet()) {
            assertFalse(e.getValue().labels().isEmpty(), e.getKey() + " recorded no labels");
            for (LessonDiagrams.Drawn label : e.getValue().labels()) {
                String where = e.getKey() + " \"" + label.text() + "\"";
                assertTrue(label.size() * scale >= MIN_LABEL_PX, where + " is " + label.size() * scale + " px in the pane");
                assertTrue(label.left() >= 0 && label.right() <= LessonDiagrams.W, where + " runs off the picture: " + label);
                double contrast = LessonDiagrams.contrast(label.ink(), label.background());
                assertTrue(contrast >= MIN_CONTRAST, where + " has contrast " + contrast);
            }
        }
    }

    @Test
    void labelsAreSetInTheBundledFontWhichHasEveryChineseGlyph() {
        Font regular = LessonDiagrams.bundledFont("400Regular/NotoSansSC_400Regular.ttf");
        Font bold = LessonDiagrams.bundledFont("700Bold/NotoSansSC_700Bold.ttf");
        assertEquals("Noto Sans SC", regular.getFamily(java.util.Locale.ENGLISH));
        for (Map.Entry<String, LessonDiagrams.Diagram> e : LessonDiagrams.drawAll().entrySet()) {
            for (LessonDiagrams.Drawn label : e.getValue().labels()) {
                String cjk = label.text().codePoints().filter(c -> c >= 0x2E80)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                assertEquals(-1, regular.canDisplayUpTo(cjk), e.getKey() + " \"" + label.text() + "\"");
                assertEquals(-1, bold.canDisplayUpTo(cjk), e.getKey() + " \"" + label.text() + "\"");
            }
        }
    }

    @Test
    void contrastFollowsWcag() {
        assertEquals(21, LessonDiagrams.contrast(java.awt.Color.BLACK, java.awt.Color.WHITE), 1e-9);
        assertEquals(1, LessonDiagrams.contrast(java.awt.Color.GRAY, java.awt.Color.GRAY), 1e-9);
        // the short-poll accent (#a86f00) reads at about 4.3:1 on white, so its text is darkened
        java.awt.Color shortPoll = new java.awt.Color(0xa8, 0x6f, 0x00);
        assertTrue(LessonDiagrams.contrast(shortPoll, java.awt.Color.WHITE) < 4.5);
        assertTrue(LessonDiagrams.contrast(LessonDiagrams.readable(shortPoll, java.awt.Color.WHITE), java.awt.Color.WHITE) >= 4.5);
    }

    @Test
    void drawsEveryCommittedDiagramAndEveryOneALessonUses() throws Exception {
        if (Boolean.getBoolean("connlab.redrawDiagrams")) LessonDiagrams.main(new String[] {"assets/lessons"});
        Map<String, LessonDiagrams.Diagram> drawn = LessonDiagrams.drawAll();
        Set<String> committed = new HashSet<>();
        try (var files = Files.list(Path.of("assets/lessons"))) {
            files.forEach(f -> committed.add(f.getFileName().toString()));
        }
        assertEquals(committed, drawn.keySet());
        Set<String> used = new HashSet<>();
        Pattern image = Pattern.compile("!\\[[^]]*]\\(\\.\\./\\.\\./assets/lessons/([^)]+)\\)");
        for (String lang : LessonLibrary.LANGUAGES) {
            try (var files = Files.list(Path.of("lessons", lang))) {
                for (Path f : files.toList()) {
                    Matcher m = image.matcher(Files.readString(f));
                    while (m.find()) {
                        assertTrue(m.group(1).endsWith("-" + lang + ".png"), f + " shows " + m.group(1));
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(committed, used, "every diagram is shown by a lesson");
        for (Map.Entry<String, LessonDiagrams.Diagram> e : drawn.entrySet()) {
            BufferedImage img = e.getValue().image();
            assertEquals(LessonDiagrams.W, img.getWidth(), e.getKey());
            assertTrue(colours(img) > 8, e.getKey() + " is nearly blank");
            BufferedImage file = ImageIO.read(Path.of("assets/lessons", e.getKey()).toFile());
            assertNotNull(file, e.getKey() + " is not a PNG");
            assertEquals(img.getWidth(), file.getWidth(), e.getKey());
            assertEquals(img.getHeight(), file.getHeight(), e.getKey());
        }
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) seen.add(img.getRGB(x, y));
        return seen.size();
    }
}
