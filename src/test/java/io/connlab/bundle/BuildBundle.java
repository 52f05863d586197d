package io.connlab.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Builds the student bundle for this OS ({@code mvn -Pbundle package} runs it after the jar):
 * <ol>
 * <li>jlink: a stripped runtime of the JDK and JavaFX modules in jlink.cfg, JavaFX's native
 * libraries where the JDK keeps its own (so nothing is unpacked into the user's home);</li>
 * <li>a short training run of the app on that runtime (the window to its first frame and the
 * mock starting), whose class list becomes the runtime's class-data-sharing archive;</li>
 * <li>jpackage: an app image with the OS's own launcher (bin/connlab, ConnLab.app, ConnLab.exe
 * plus the console connlab-cli.exe) and the icon, the app and its libraries on the class path;</li>
 * <li>README.txt (and on Linux a .desktop entry), then the .zip (and .tar.gz).</li>
 * </ol>
 * Arguments: the project folder, the version, the build folder (target).
 */
public final class BuildBundle {

    private final Path project;
    private final String version;
    private final Path target;
    private final Path work;
    private final BundleLayout layout = BundleLayout.current();

    private BuildBundle(Path project, String version, Path target) {
        this.project = project;
        this.version = version;
        this.target = target;
        this.work = target.resolve("bundle");
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true"); // the icon is drawn off screen
        if (args.length != 3) throw new IllegalArgumentException("usage: BuildBundle PROJECT_DIR VERSION TARGET_DIR");
        new BuildBundle(Path.of(args[0]), args[1], Path.of(args[2])).build();
    }

    private void build() throws Exception {
        String name = "connlab-" + version + "-" + layout.os + "-" + BundleLayout.arch();
        deleteTree(work);
        Files.createDirectories(work);
        List<Path> libs = listJars(target.resolve("lib"));
        List<Path> javafx = libs.stream().filter(BundleLayout::isJavafxPlatformJar).toList();
        if (javafx.isEmpty()) throw new IllegalStateException("no JavaFX platform jars in " + target.resolve("lib"));

        Path input = work.resolve("input");
        Files.createDirectories(input);
        Files.copy(target.resolve("connlab.jar"), input.resolve("connlab.jar"));
        for (Path lib : libs) {
            if (!BundleLayout.isJavafxJar(lib)) UnusedJarParts.copy(lib, input.resolve(lib.getFileName()));
        }

        Path runtime = work.resolve("runtime");
        link(runtime, javafx);
        Training.archive(runtime, layout, input, work.resolve("training"));

        Path icon = IconPainter.write(layout.iconFormat, work.resolve("connlab." + layout.iconFormat));
        Path images = work.resolve("image");
        jpackage(runtime, input, icon, images);

        Path folder = work.resolve(name);
        Files.createDirectories(folder);
        Path image = layout.imageIn(images);
        if (layout == BundleLayout.MACOS) {
            Files.move(image, folder.resolve(image.getFileName()));
        } else {
            try (Stream<Path> top = Files.list(image)) {
                for (Path p : top.toList()) Files.move(p, folder.resolve(p.getFileName()));
            }
        }
        extras(folder);
        WindowsPaths.check(folder);
        if (layout == BundleLayout.WINDOWS) PeSubsystem.check(folder, "ConnLab.exe", "connlab-cli.exe");

        Path zip = target.resolve(name + ".zip");
        Archives.zip(folder, zip);
        log("wrote " + zip + " (" + Files.size(zip) / 1024 / 1024 + " MB)");
        if (layout != BundleLayout.WINDOWS && Archives.tarGz(folder, target.resolve(name + ".tar.gz"))) {
            log("wrote " + target.resolve(name + ".tar.gz"));
        }
        log("unpacked bundle: " + folder);
    }

    /** jlink the runtime, then put JavaFX's native libraries beside the JDK's and drop what only a big heap uses. */
    private void link(Path runtime, List<Path> javafx) throws IOException, InterruptedException {
        JlinkConfig cfg = JlinkConfig.read(project.resolve("jlink.cfg"));
        List<String> args = new ArrayList<>(List.of(
                "--module-path", String.join(java.io.File.pathSeparator, javafx.stream().map(Path::toString).toList()),
                "--add-modules", cfg.addModules(),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                // string sharing: 21 MB smaller on disk and 1.5 MB in the zip; zip compression on top of
                // --compress=2 would make the archive bigger, not smaller
                "--compress=1",
                // JavaFX's natives ride inside its jars; they are unpacked beside the JDK's below instead.
                // The JDK's own translations of Swing, XML-parser and launcher messages are never shown
                // by this app (1.1 MB in the zip); JavaFX's, which a student sees in menus, stay.
                // Swing, sound, printing, the XSLT compiler, XPath: never loaded (UnusedJdkParts).
                "--exclude-resources=**.so,**.dll,**.dylib," + untranslated() + "," + UnusedJdkParts.patterns(),
                "--output", runtime.toString()));
        run("jlink", args);
        Path nativeDir = runtime.resolve(layout.nativeLibDir());
        for (Path jar : javafx) unpackNatives(jar, nativeDir);
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path p : files.filter(p -> p.getFileName().toString().equals("classes_nocoops.jsa")).toList()) {
                Files.delete(p); // only for heaps over 32 GB; the default archive is rebuilt by the training run
            }
        }
        NativeStrip.all(runtime);
    }

    /** jlink patterns for the JDK modules' translated messages (a comma separates patterns, so no braces). */
    private static String untranslated() {
        List<String> patterns = new ArrayList<>();
        for (String module : List.of("java.base", "java.desktop", "java.xml", "java.logging")) {
            for (String locale : List.of("ja", "ko", "zh_CN", "zh_TW", "zh_HK", "de", "fr", "es", "it", "pt_BR", "sv")) {
                patterns.add("glob:/" + module + "/**_" + locale + ".*");
            }
        }
        return String.join(",", patterns);
    }

    private static void unpackNatives(Path jar, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String n = e.getName();
                if (!n.contains("/") && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"))) {
                    Files.copy(zip, dir.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void jpackage(Path runtime, Path input, Path icon, Path dest) throws IOException {
        List<String> args = new ArrayList<>(List.of("--type", "app-image",
                "--name", layout.appName,
                "--vendor", "ConnLab",
                "--description", "WebSocket, long polling and pooled connections, live and side by side",
                "--runtime-image", runtime.toString(),
                "--input", input.toString(),
                "--main-jar", "connlab.jar",
                "--main-class", "io.connlab.app.Main",
                "--icon", icon.toString(),
                "--dest", dest.toString()));
        String numeric = version.replaceAll("[^0-9.].*$", "");
        // jpackage refuses a macOS version whose first number is 0 (it then says 1.0 in Finder);
        // the archive's name and 'connlab --version' keep the real one
        if (!(layout == BundleLayout.MACOS && numeric.startsWith("0"))) args.addAll(List.of("--app-version", numeric));
        for (String option : Training.JAVA_OPTIONS) args.addAll(List.of("--java-options", option));
        if (layout == BundleLayout.WINDOWS) {
            Path console = work.resolve("connlab-cli.properties");
            Files.writeString(console, "win-console=true\n");
            args.addAll(List.of("--add-launcher", "connlab-cli=" + console));
        }
        if (layout == BundleLayout.MACOS) args.addAll(List.of("--mac-package-identifier", "io.connlab.ConnLab"));
        run("jpackage", args);
    }

    /** README.txt; on Linux the icon, a .desktop entry that starts the launcher beside it, and one that installs it. */
    private void extras(Path folder) throws IOException {
        Path templates = project.resolve("src/bundle");
        String readme = Files.readString(templates.resolve("README.txt"), StandardCharsets.UTF_8)
                .replace("@VERSION@", version);
        Files.writeString(folder.resolve("README.txt"), readme.replace("\n", layout == BundleLayout.WINDOWS ? "\r\n" : "\n"));
        if (layout == BundleLayout.LINUX) {
            LinuxLauncher.wrap(folder, templates.resolve("connlab-launcher.sh"));
            IconPainter.write("png", folder.resolve("connlab.png"));
            Files.copy(templates.resolve("connlab.desktop"), folder.resolve("connlab.desktop"));
            Archives.makeExecutable(folder.resolve("connlab.desktop"));
            Files.copy(templates.resolve("install-desktop-entry.sh"), folder.resolve("install-desktop-entry.sh"));
            Archives.makeExecutable(folder.resolve("install-desktop-entry.sh"));
        }
        // The CJK font (issue 10) and the lessons travel inside connlab.jar, on the class path; a font
        // that must be a file instead goes here, e.g. Files.copy(project.resolve("assets/fonts"), ...).
    }

    static void run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException("this JDK has no " + tool + "; build the bundle with a full JDK 17+"));
        log(tool + " " + String.join(" ", args));
        int rc = provider.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args.toArray(String[]::new));
        if (rc != 0) throw new IllegalStateException(tool + " failed with exit code " + rc);
    }

    private static List<Path> listJars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }

    static void log(String line) {
        System.out.println("[bundle] " + line);
    }
}
