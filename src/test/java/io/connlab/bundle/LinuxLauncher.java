package io.connlab.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On Linux, {@code bin/connlab} becomes a small shell script (src/bundle/connlab-launcher.sh) in
 * front of jpackage's launcher, renamed {@code bin/connlab-launcher}: from a folder named in
 * Chinese under no locale or a non-UTF-8 one, the runtime cannot read its own path and dies with
 * "Error loading java.security file" (issue 23); the script starts it in a UTF-8 character type,
 * or says in one line what to do. jpackage's launcher reads the configuration named after itself,
 * so its {@code lib/app/connlab.cfg} is renamed with it.
 */
final class LinuxLauncher {

    static final String NATIVE = "connlab-launcher";

    private LinuxLauncher() {
    }

    static void wrap(Path bundle, Path script) throws IOException {
        Path bin = bundle.resolve("bin");
        Files.move(bin.resolve("connlab"), bin.resolve(NATIVE));
        Files.move(bundle.resolve("lib/app/connlab.cfg"), bundle.resolve("lib/app/" + NATIVE + ".cfg"));
        Files.copy(script, bin.resolve("connlab"));
        Archives.makeExecutable(bin.resolve("connlab"));
    }
}
