package io.connlab.build;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Build step (run by the pom's antrun, never shipped): cuts a CJK font down to the characters
 * the window can show, so the jar and the bundle carry about a megabyte instead of ten.
 *
 * <p>Usage: {@code FontSubset IN.ttf OUT.ttf SOURCE...}; every character of the SOURCE files
 * (or of the .md/.properties files under a SOURCE folder) is kept, plus printable ASCII,
 * Latin-1 and the punctuation, arrows and symbols the figures use.
 */
public final class FontSubset {
    private static final int[][] ALWAYS = {
            {0x20, 0x7E}, {0xA0, 0xFF}, {0x2000, 0x206F}, {0x2190, 0x21FF}, {0x2200, 0x22FF},
            {0x25A0, 0x25FF}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}};

    private FontSubset() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) throw new IllegalArgumentException("usage: FontSubset IN.ttf OUT.ttf SOURCE...");
        TreeSet<Integer> keep = new TreeSet<>();
        for (int[] range : ALWAYS) for (int c = range[0]; c <= range[1]; c++) keep.add(c);
        for (int i = 2; i < args.length; i++) {
            Path source = Path.of(args[i]);
            try (Stream<Path> files = Files.isDirectory(source) ? Files.walk(source) : Stream.of(source)) {
                for (Path f : files.filter(p -> Files.isRegularFile(p)
                        && (p.toString().endsWith(".md") || p.toString().endsWith(".properties"))).toList()) {
                    Files.readString(f, StandardCharsets.UTF_8).codePoints().filter(c -> c >= 0x20).forEach(keep::add);
                }
            }
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(args[0]));
             OutputStream os = Files.newOutputStream(out)) {
            TTFSubsetter subsetter = new TTFSubsetter(font);
            keep.forEach(subsetter::add);
            subsetter.writeToStream(os);
        }
        System.out.println("FontSubset: " + keep.size() + " characters kept in " + out + " (" + Files.size(out) / 1024 + " KB)");
    }
}
