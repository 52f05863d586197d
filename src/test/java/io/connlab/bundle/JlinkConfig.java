package io.connlab.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jlink.cfg}: the modules of the bundle's runtime, one a line, in file order. A module
 * that jdeps cannot see gives its reason after a '#' on its own line; a line that starts with
 * '#' is a comment. A module that jdeps finds but the runtime leaves out on purpose (a library's
 * optional dependency it checks for at run time) is written {@code -name # why}.
 *
 * @param modules each module and its reason ("" when jdeps is expected to find it)
 * @param leftOut each module left out on purpose, and why
 */
record JlinkConfig(Map<String, String> modules, Map<String, String> leftOut) {

    static JlinkConfig read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JlinkConfig parse(String text) {
        Map<String, String> modules = new LinkedHashMap<>();
        Map<String, String> leftOut = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int hash = line.indexOf('#');
            String name = (hash < 0 ? line : line.substring(0, hash)).strip();
            String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
            boolean out = name.startsWith("-");
            if (out) name = name.substring(1);
            if (!name.matches("[A-Za-z][\\w.]*")) throw new IllegalArgumentException("jlink.cfg: not a module name: " + raw);
            if (out && reason.isEmpty()) throw new IllegalArgumentException("jlink.cfg: say why " + name + " is left out: " + raw);
            if (modules.containsKey(name) || leftOut.containsKey(name) || (out ? leftOut : modules).put(name, reason) != null) {
                throw new IllegalArgumentException("jlink.cfg: " + name + " twice");
            }
        }
        return new JlinkConfig(Map.copyOf(modules), Map.copyOf(leftOut));
    }

    /** The list as jlink's --add-modules takes it. */
    String addModules() {
        return String.join(",", new java.util.TreeSet<>(modules.keySet()));
    }
}
