package io.connlab.bundle;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the bundle for this machine is called and where jpackage puts things, per OS. Each OS
 * gets its own bundle (JavaFX has native parts), built on that OS.
 */
enum BundleLayout {
    LINUX("linux", "connlab", "png"),
    MACOS("macos", "ConnLab", "icns"),
    WINDOWS("windows", "ConnLab", "ico");

    /** As in the archive's name: connlab-VERSION-OS-ARCH.zip. */
    final String os;
    /** jpackage's --name: the launcher's file name (bin/connlab, ConnLab.app, ConnLab.exe). */
    final String appName;
    /** The icon format jpackage takes on this OS. */
    final String iconFormat;

    BundleLayout(String os, String appName, String iconFormat) {
        this.os = os;
        this.appName = appName;
        this.iconFormat = iconFormat;
    }

    static BundleLayout current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) return WINDOWS;
        if (name.startsWith("mac")) return MACOS;
        return LINUX;
    }

    static String arch() {
        String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> a;
        };
    }

    /** The folder jpackage's app image lands in, under its --dest. */
    Path imageIn(Path dest) {
        return this == MACOS ? dest.resolve(appName + ".app") : dest.resolve(appName);
    }

    /** The runtime inside the app image. */
    Path runtimeIn(Path image) {
        return switch (this) {
            case LINUX -> image.resolve("lib/runtime");
            case MACOS -> image.resolve("Contents/runtime/Contents/Home");
            case WINDOWS -> image.resolve("runtime");
        };
    }

    /** The launcher a command line starts (Windows: the console one, beside the windowed ConnLab.exe). */
    Path commandLauncherIn(Path image) {
        return switch (this) {
            case LINUX -> image.resolve("bin/connlab");
            case MACOS -> image.resolve("Contents/MacOS/ConnLab");
            case WINDOWS -> image.resolve("connlab-cli.exe");
        };
    }

    /** Where the runtime keeps its native libraries (and so where JavaFX looks for its own first). */
    String nativeLibDir() {
        return this == WINDOWS ? "bin" : "lib";
    }

    /** JavaFX's per-platform jars (javafx-graphics-21.0.11-linux.jar); the jars without a classifier are empty. */
    static boolean isJavafxPlatformJar(Path jar) {
        String n = jar.getFileName().toString();
        return n.startsWith("javafx-") && n.matches("javafx-[a-z]+-[\\d.]+-[a-z0-9-]+\\.jar");
    }

    /** Every org.openjfx jar (javafx-base, -controls, ... with or without a classifier); not ikonli-javafx. */
    static boolean isJavafxJar(Path jar) {
        return jar.getFileName().toString().matches("javafx-[a-z]+-[\\d.]+(-[a-z0-9-]+)?\\.jar");
    }
}
