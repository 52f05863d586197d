package io.connlab.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Windows' 260-character path limit (MAX_PATH): Explorer's "Extract All" refuses an archive with
 * a longer path inside (error 0x80010135), and launchers that use the ANSI file functions cannot
 * open one. A student unpacks into a Downloads folder, and "Extract All" proposes a folder named
 * after the archive, which holds the archive's own top folder: so the bundle's longest path must
 * fit behind {@code C:\Users\<a long user name>\Downloads\<archive name>\<archive name>\}. Every
 * OS's bundle is checked at build time (the Windows one is what counts; the others are near it).
 */
final class WindowsPaths {

    /** MAX_PATH less the terminating NUL. */
    static final int MAX = 259;
    /** A user folder with a long name, as Windows makes it (20 characters at most for a local account). */
    static final String USER_FOLDER = "C:\\Users\\" + "x".repeat(20) + "\\Downloads\\";

    private WindowsPaths() {
    }

    /** The longest path in {@code folder} (the archive's top folder), relative to its parent, with '\'. */
    static String longest(Path folder) throws IOException {
        Path parent = folder.getParent();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> parent.relativize(p).toString().replace('/', '\\'))
                    .max(Comparator.comparingInt(String::length)).orElse("");
        }
    }

    /** The longest path as a student's Windows would write it, unpacked with "Extract All". */
    static String asUnpacked(String archiveName, String relative) {
        return USER_FOLDER + archiveName + "\\" + relative;
    }

    /** Fails when the bundle's longest path would pass MAX_PATH once unpacked by a student. */
    static void check(Path folder) throws IOException {
        String path = asUnpacked(folder.getFileName().toString(), longest(folder));
        if (path.length() > MAX) {
            throw new IllegalStateException("a path in the bundle is too long for Windows once unpacked (" + path.length()
                    + " characters, at most " + MAX + "): " + path);
        }
        BuildBundle.log("longest path once unpacked on Windows: " + path.length() + " characters (at most " + MAX + ")");
    }
}
