package io.connlab.bundle;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * jlink.cfg against what the code really uses: {@code jdeps --print-module-deps} over the app's
 * classes and every runtime library (the class path the bundle ships), so that a new import
 * cannot break the bundle unnoticed, and the list carries nothing nobody uses.
 */
class JlinkConfigTest {

    private static final Path CFG = Path.of("jlink.cfg");
    /** Written by the dependency plugin before the tests (see the pom's runtime-classpath execution). */
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    @Test
    void everyModuleTheCodeNeedsIsListedAndEveryListedModuleIsNeededOrSaysWhy() throws Exception {
        JlinkConfig cfg = JlinkConfig.read(CFG);
        List<Path> jars = Arrays.stream(Files.readString(RUNTIME_CLASSPATH).strip().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        List<Path> javafx = jars.stream().filter(BundleLayout::isJavafxPlatformJar).toList();
        List<Path> libraries = jars.stream().filter(p -> !BundleLayout.isJavafxJar(p)).toList();
        assertTrue(javafx.size() >= 3, "the JavaFX jars for this platform are on the runtime class path: " + jars);

        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--module-path", join(javafx), "--class-path", join(libraries), "target/classes"));
        libraries.forEach(p -> args.add(p.toString()));
        Set<String> seen = Set.of(jdeps(args).strip().split(","));

        Set<String> listedClosure = closure(cfg.modules().keySet(), javafx);
        Set<String> missing = new TreeSet<>(seen);
        missing.removeAll(listedClosure);
        missing.removeAll(cfg.leftOut().keySet());
        assertEquals(Set.of(), missing, "modules the code uses (jdeps) that the runtime would lack: add them to jlink.cfg");
        Set<String> leftOutButLinked = new TreeSet<>(cfg.leftOut().keySet());
        leftOutButLinked.retainAll(listedClosure);
        assertEquals(Set.of(), leftOutButLinked, "jlink.cfg leaves these out, but a listed module requires them");
        Set<String> leftOutUnused = new TreeSet<>(cfg.leftOut().keySet());
        leftOutUnused.removeAll(seen);
        assertEquals(Set.of(), leftOutUnused, "jlink.cfg leaves out modules no class uses: drop those lines");

        Set<String> needed = closure(seen, javafx);
        List<String> unexplained = cfg.modules().entrySet().stream()
                .filter(e -> e.getValue().isEmpty() && !needed.contains(e.getKey()))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), unexplained,
                "jlink.cfg lists modules no class uses (jdeps): remove them, or give the reason after a '#'");
    }

    @Test
    void aLineIsAModuleWithAnOptionalReason() {
        JlinkConfig cfg = JlinkConfig.parse("# comment\njava.base\n\n jdk.zipfs   # lessons in the jar\n-jdk.jfr # optional\n");
        assertEquals("", cfg.modules().get("java.base"));
        assertEquals("lessons in the jar", cfg.modules().get("jdk.zipfs"));
        assertEquals("java.base,jdk.zipfs", cfg.addModules());
        assertEquals(java.util.Map.of("jdk.jfr", "optional"), cfg.leftOut());
        assertThrows(IllegalArgumentException.class, () -> JlinkConfig.parse("java.base\njava.base\n"));
        assertThrows(IllegalArgumentException.class, () -> JlinkConfig.parse("java.base\n-java.base # no\n"));
        assertThrows(IllegalArgumentException.class, () -> JlinkConfig.parse("-jdk.jfr\n"));
        assertThrows(IllegalArgumentException.class, () -> JlinkConfig.parse("java base\n"));
    }

    /** The modules and everything they require, as the runtime image would hold them. */
    private static Set<String> closure(Set<String> roots, List<Path> javafx) {
        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.ofSystem(), ModuleFinder.of(javafx.toArray(Path[]::new)));
        Configuration c = Configuration.empty().resolve(finder, ModuleFinder.of(), roots);
        return c.modules().stream().map(ResolvedModule::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String jdeps(List<String> args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseGet(() -> fail("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, rc, () -> "jdeps failed: " + err);
        return out.toString().lines().filter(l -> !l.startsWith("Warning")).reduce("", (a, b) -> a + b);
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
