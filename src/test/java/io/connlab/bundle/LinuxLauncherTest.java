package io.connlab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/connlab, the script in front of jpackage's launcher (issue 23), run as a desktop or
 * {@code env -i} would: with an empty environment, from a folder named with a space and Chinese.
 * jpackage's launcher is stood in for by a script that prints the locale it was given; the real
 * bundle is started the same way by .ci/bundle-smoke.
 */
@EnabledOnOs(OS.LINUX)
class LinuxLauncherTest {

    private static final String STAND_IN = "#!/bin/sh\nprintf 'LC_CTYPE=%s|LC_ALL=%s|LANG=%s|ARGS=%s\\n' \"${LC_CTYPE-}\" \"${LC_ALL-}\" \"${LANG-}\" \"$*\"\n";

    @TempDir
    Path dir;

    private Path bundle(String folder) throws IOException {
        Path bundle = dir.resolve(folder).resolve("connlab-0.1.0-linux-x64");
        Files.createDirectories(bundle.resolve("bin"));
        Files.createDirectories(bundle.resolve("lib/app"));
        Files.writeString(bundle.resolve("bin/connlab"), STAND_IN);
        Archives.makeExecutable(bundle.resolve("bin/connlab"));
        Files.writeString(bundle.resolve("lib/app/connlab.cfg"), "[Application]\n");
        LinuxLauncher.wrap(bundle, Path.of("src/bundle/connlab-launcher.sh"));
        return bundle;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    @Test
    void theBuildPutsTheScriptInFrontAndRenamesTheNativeLauncherWithItsConfiguration() throws Exception {
        Path b = bundle("plain");
        assertTrue(Files.isExecutable(b.resolve("bin/connlab")));
        assertTrue(Files.readString(b.resolve("bin/connlab")).startsWith("#!/bin/sh"));
        assertEquals(STAND_IN, Files.readString(b.resolve("bin/connlab-launcher")));
        assertTrue(Files.exists(b.resolve("lib/app/connlab-launcher.cfg")), "jpackage's launcher reads the .cfg named after it");
        assertTrue(Files.notExists(b.resolve("lib/app/connlab.cfg")));
    }

    @Test
    void noLocaleAtAllInAChineseFolderStartsTheAppWithAUtf8CharacterType() throws Exception {
        Path b = bundle("学生 目录");
        Run r = run(b.resolve("bin/connlab"), Map.of(), "bench", "--duration", "3 s");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("LC_CTYPE=\\S+\\.(UTF-8|utf8)\\|LC_ALL=\\|LANG=\\|ARGS=bench --duration 3 s"), r.out());
    }

    @Test
    void lcAllCIsSteppedAsideAndItsChoiceKeptAsLang() throws Exception {
        Path b = bundle("张三");
        Run r = run(b.resolve("bin/connlab"), Map.of("LC_ALL", "C"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("LC_CTYPE=\\S+\\.(UTF-8|utf8)\\|LC_ALL=\\|LANG=C\\|ARGS="), r.out());
    }

    @Test
    void aWorkingUtf8LocaleOrAPlainFolderIsLeftAlone() throws Exception {
        Run utf8 = run(bundle("学生 目录").resolve("bin/connlab"), Map.of("LANG", "C.UTF-8"));
        assertEquals("LC_CTYPE=|LC_ALL=|LANG=C.UTF-8|ARGS=", utf8.out(), utf8.err());
        Run plain = run(bundle("plain").resolve("bin/connlab"), Map.of(), "--version");
        assertEquals("LC_CTYPE=|LC_ALL=|LANG=|ARGS=--version", plain.out(), plain.err());
    }

    @Test
    void aSymbolicLinkToTheLauncherFindsTheBundle() throws Exception {
        Path b = bundle("学生 目录");
        Path link = Files.createSymbolicLink(dir.resolve("connlab"), b.resolve("bin/connlab"));
        Run r = run(link, Map.of(), "serve");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("ARGS=serve"), r.out());
    }

    @Test
    void withoutAnyUtf8LocaleItSaysWhatToDoInOneLine() throws Exception {
        Path b = bundle("学生 目录");
        // a machine whose only locales are C and POSIX: a locale tool that says so, first on PATH
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Files.writeString(tools.resolve("locale"), "#!/bin/sh\ncase \"$1\" in -a) printf 'C\\nPOSIX\\n' ;; *) echo ANSI_X3.4-1968 ;; esac\n");
        Archives.makeExecutable(tools.resolve("locale"));
        Run r = run(b.resolve("bin/connlab"), Map.of("PATH", tools.toString()));
        assertEquals(1, r.exit(), r.out());
        assertEquals("", r.out(), "the app was not started");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("move the ConnLab folder to a plain name"), r.err());
    }
}
