package io.connlab.bundle;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class-data-sharing archive of the bundle's runtime, made at build time from a short
 * training run: the app opens its window on the runtime and exits at the finished window's
 * first frame (what a student waits for; the mock starts after it, in the background); the classes it loaded are then archived, pre-parsed and
 * pre-verified, as the runtime's default archive, which every start maps.
 *
 * <p>Only classes of the runtime's modules (the JDK's and JavaFX's, the bulk of a start) go in:
 * the JVM bundled here (17) checks the class path recorded in an archive by its absolute path,
 * so an archive holding the app's own jars would be refused wherever a student unpacks the
 * bundle. The runtime's modules have no such path, so this archive works from any folder.
 */
final class Training {

    /** The options the launcher starts the JVM with (an OutOfMemoryError ends the app, issue 8); the archive is dumped with the same. */
    static final List<String> JAVA_OPTIONS = List.of("-Xshare:auto", "-XX:+ExitOnOutOfMemoryError");

    /** How long the training run may take before it is stopped (a machine under load is slow). */
    private static final long TIMEOUT_SECONDS = 180;

    private Training() {
    }

    static void archive(Path runtime, BundleLayout layout, Path appJars, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path classList = dir.resolve("classes.classlist");
        Path java = runtime.resolve(layout == BundleLayout.WINDOWS ? "bin/java.exe" : "bin/java");
        List<String> train = new ArrayList<>(List.of(java.toString(), "-XX:DumpLoadedClassList=" + classList));
        train.addAll(JAVA_OPTIONS);
        train.addAll(List.of("-cp", classPath(appJars), "io.connlab.app.Main"));
        Path log = dir.resolve("training.log");
        boolean windowSeen = false;
        if (hasDisplay(layout)) {
            BuildBundle.log("training run: the window to its lab-ready frame (log: " + log + ")");
            windowSeen = exec(train, log, "exit") && Files.readString(log).contains("lab ready");
            if (!windowSeen) BuildBundle.log("WARNING: the window did not come up in the training run (see " + log + ")");
        } else {
            BuildBundle.log("WARNING: no display (DISPLAY is not set); on Linux build under xvfb-run for a faster first start");
        }
        if (!windowSeen) {
            // still a working archive, of the JVM's and the command line's classes, without the window's
            train.add("--version");
            if (!exec(train, log, null)) throw new IllegalStateException("the training run failed; see " + log);
            BuildBundle.log("WARNING: the archive lacks the window's classes: the bundle works, its first start is slower");
        }

        Path jsa = jvmDir(runtime).resolve("classes.jsa");
        Files.deleteIfExists(jsa);
        List<String> dump = new ArrayList<>(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + jsa));
        dump.addAll(JAVA_OPTIONS.stream().filter(o -> !o.startsWith("-Xshare")).toList());
        exec(dump, dir.resolve("dump.log"));
        // the runtime must map it as it is (fails loudly if not)
        exec(List.of(java.toString(), "-Xshare:on", "-version"), dir.resolve("check.log"));
        BuildBundle.log("class-data archive: " + Files.size(jsa) / 1024 / 1024 + " MB, from " + countClasses(classList)
                + " classes loaded in training (the app's own jars are left out: see Training's javadoc)");
    }

    static boolean hasDisplay(BundleLayout layout) {
        if (layout != BundleLayout.LINUX) return true;
        String d = System.getenv("DISPLAY");
        String w = System.getenv("WAYLAND_DISPLAY");
        return (d != null && !d.isBlank()) || (w != null && !w.isBlank());
    }

    private static Path jvmDir(Path runtime) throws IOException {
        try (Stream<Path> s = Files.walk(runtime)) {
            return s.filter(p -> p.getFileName().toString().matches("(lib)?jvm\\.(so|dll|dylib)")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no JVM library in " + runtime)).getParent();
        }
    }

    /** Runs the training command with the start-up probe set to {@code probe} (or unset); true when it exits with 0. */
    private static boolean exec(List<String> cmd, Path log, String probe) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (probe != null) pb.environment().put("CONNLAB_STARTUP_PROBE", probe);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return false;
        }
        return p.exitValue() == 0;
    }

    private static void exec(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish; see " + log);
        }
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed; see " + log);
    }

    private static String classPath(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return String.join(File.pathSeparator, s.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList());
        }
    }

    private static long countClasses(Path classList) throws IOException {
        try (Stream<String> lines = Files.lines(classList)) {
            return lines.filter(l -> !l.startsWith("#") && !l.startsWith("@")).count();
        }
    }
}
