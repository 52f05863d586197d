package io.connlab.lesson;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagrams' program still draws every diagram the lessons use. With
 * {@code -Dconnlab.redrawDiagrams=true} it also writes them to assets/lessons (fonts differ
 * between machines, so the committed PNGs are not compared pixel by pixel).
 */
class LessonDiagramsTest {

    @Test
    void drawsEveryCommittedDiagramAtItsSize() throws Exception {
        Map<String, BufferedImage> drawn = LessonDiagrams.drawAll();
        Set<String> committed = new HashSet<>();
        try (var files = Files.list(Path.of("assets/lessons"))) {
            files.forEach(f -> committed.add(f.getFileName().toString()));
        }
        assertEquals(committed, drawn.keySet());
        for (Map.Entry<String, BufferedImage> e : drawn.entrySet()) {
            BufferedImage img = e.getValue();
            assertEquals(LessonDiagrams.W, img.getWidth(), e.getKey());
            assertTrue(colours(img) > 8, e.getKey() + " is nearly blank");
            BufferedImage file = ImageIO.read(Path.of("assets/lessons", e.getKey()).toFile());
            assertNotNull(file, e.getKey() + " is not a PNG");
            assertEquals(img.getWidth(), file.getWidth(), e.getKey());
            assertEquals(img.getHeight(), file.getHeight(), e.getKey());
        }
        if (Boolean.getBoolean("connlab.redrawDiagrams")) LessonDiagrams.main(new String[] {"assets/lessons"});
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) seen.add(img.getRGB(x, y));
        return seen.size();
    }
}
