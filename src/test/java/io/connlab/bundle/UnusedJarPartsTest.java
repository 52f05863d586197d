package io.connlab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts the bundle leaves out of library jars: nothing that stays names them, and the copy leaves out just those. */
class UnusedJarPartsTest {
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    private static List<Path> runtimeJars() throws IOException {
        return Arrays.stream(Files.readString(RUNTIME_CLASSPATH).strip().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    @Test
    void noClassThatStaysNamesAPartThatGoes() throws Exception {
        List<String> gone = new ArrayList<>();
        UnusedJarParts.PARTS.values().forEach(parts -> parts.stream().filter(p -> !p.startsWith("META-INF/"))
                .forEach(p -> gone.addAll(List.of(p, p.replace('/', '.')))));
        TreeSet<String> naming = new TreeSet<>();
        for (Path jar : runtimeJars()) {
            List<String> parts = UnusedJarParts.of(jar.getFileName().toString());
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry e : zip.stream().toList()) {
                    // class files only: a manifest's OSGi exports or a jar index only list the packages
                    if (!e.getName().endsWith(".class") || UnusedJarParts.unused(e.getName(), parts)) continue;
                    if (e.getName().endsWith("module-info.class")) continue; // never read on the class path
                    String text = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
                    gone.stream().filter(text::contains).forEach(g -> naming.add(jar.getFileName() + "!" + e.getName() + " -> " + g));
                }
            }
        }
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
            for (Path c : classes.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
                gone.stream().filter(text::contains).forEach(g -> naming.add(c + " -> " + g));
            }
        }
        assertEquals(new TreeSet<>(), naming, "classes that stay but name a part the bundle leaves out");
    }

    @Test
    void theCopyLeavesOutExactlyThoseParts(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, List<String>> e : UnusedJarParts.PARTS.entrySet()) {
            Path jar = runtimeJars().stream().filter(p -> p.getFileName().toString().startsWith(e.getKey())
                    && p.getFileName().toString().matches(".*-\\d.*")).findFirst().orElseThrow();
            Path copy = dir.resolve(jar.getFileName());
            int left = UnusedJarParts.copy(jar, copy);
            try (ZipFile before = new ZipFile(jar.toFile()); ZipFile after = new ZipFile(copy.toFile())) {
                assertTrue(left > 0, jar + ": something left out");
                assertEquals(before.size() - left, after.size(), jar.toString());
                assertFalse(after.stream().anyMatch(z -> UnusedJarParts.unused(z.getName(), e.getValue())), jar.toString());
                for (ZipEntry z : after.stream().toList()) {
                    assertEquals(before.getEntry(z.getName()).getCrc(), z.getCrc(), z.getName() + " copied unchanged");
                }
            }
        }
    }
}
