package io.connlab.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The parts of JDK modules this app never loads. In java.desktop: Swing and its look-and-feels,
 * sound and printing (about half the module); JavaFX 21 requires java.desktop, and AWT images and
 * ImageIO (the picture export) stay. In java.xml: the XSLT compiler, its byte-code library, the
 * XPath engine and XML Schema; the parsers, StAX (the AWS SDK's XML) and the identity transform that
 * java.util.prefs writes its file with stay. jlink refuses a runtime where a package of the module descriptor is empty,
 * so each of those packages keeps its smallest class (or file); every other file goes, as jlink
 * {@code --exclude-resources} patterns. No start, bench or picture export loads a class from
 * these packages (checked in the training run's class list and the smoke test).
 */
final class UnusedJdkParts {

    /** Package roots (with their sub-packages) that nothing here uses, as module/path. */
    static final List<String> ROOTS = List.of(
            "java.desktop/javax/swing", "java.desktop/sun/swing", "java.desktop/com/sun/java/swing", // JavaFX draws its own controls
            "java.desktop/javax/sound", "java.desktop/com/sun/media/sound",  // the lab makes no sound
            "java.desktop/javax/print", "java.desktop/sun/print",            // and prints nothing
            "java.xml/com/sun/org/apache/xalan/internal/xsltc/compiler",    // XSLT style sheets: none
            "java.xml/com/sun/org/apache/bcel",                             // (the XSLT compiler's byte code)
            "java.xml/com/sun/org/apache/xpath",                            // XPath: none
            "java.xml/com/sun/org/apache/xml/internal/dtm",                 // (XPath's and XSLT's document model)
            "java.xml/com/sun/org/apache/xalan/internal/xsltc/dom",
            "java.xml/com/sun/org/apache/xerces/internal/impl/xs",          // XML Schema validation: none
            "java.xml/com/sun/org/apache/xerces/internal/impl/xpath");      // (its identity constraints)

    /** Classes under those roots that a used path loads: the transformer factory refers to this one. */
    private static final Set<String> KEEP = Set.of(
            "/java.xml/com/sun/org/apache/xalan/internal/xsltc/compiler/SourceLoader.class");

    private UnusedJdkParts() {
    }

    /** jlink patterns, comma-separated, for every file under {@link #ROOTS} but the one class each package keeps. */
    static String patterns() {
        try {
            FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
            List<String> out = new ArrayList<>();
            for (String root : ROOTS) {
                Path dir = jrt.getPath("/modules/" + root);
                if (!Files.isDirectory(dir)) continue;
                Map<Path, List<Path>> byPackage = new TreeMap<>();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile).forEach(f -> byPackage.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f));
                }
                for (List<Path> files : byPackage.values()) {
                    if (files.stream().anyMatch(f -> KEEP.contains(jlinkPath(f)))) {
                        files.stream().filter(f -> !KEEP.contains(jlinkPath(f))).forEach(f -> out.add("glob:" + jlinkPath(f)));
                        continue;
                    }
                    // a class where there is one; some packages hold only icons or sounds
                    Path keep = files.stream().min(Comparator.comparing((Path f) -> !f.toString().endsWith(".class"))
                            .thenComparingLong(UnusedJdkParts::size).thenComparing(Path::toString)).orElseThrow();
                    for (Path f : files) {
                        if (!f.equals(keep)) out.add("glob:" + jlinkPath(f));
                    }
                }
            }
            return String.join(",", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jrt path as jlink names the resource: /module/package/File.class. */
    private static String jlinkPath(Path jrtFile) {
        return jrtFile.toString().substring("/modules".length());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
