package io.connlab.endpoint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * PowerShell cannot be installed on these machines, so assets/aws/*.ps1 never run here. This
 * checks the scripts for the PowerShell traps that were found in them by reading:
 * <ul>
 *   <li>{@code "… $name: …"} in a double-quoted string is a parse error (a drive-qualified
 *       variable), and the whole script refuses to start;</li>
 *   <li>an unquoted {@code Name=a,Values=b} is an array to PowerShell, so the AWS CLI gets two
 *       arguments;</li>
 *   <li>a character outside ASCII turns to mojibake: Windows PowerShell 5.1 reads a script
 *       without a byte-order mark as ANSI.</li>
 * </ul>
 */
class PowerShellScriptTrapsTest {
    private static final Pattern DRIVE_VARIABLE = Pattern.compile("\\$(?!env:|script:|global:|using:)[A-Za-z_]\\w*:");
    private static final Pattern UNQUOTED_COMMA_LIST = Pattern.compile("\\s[A-Za-z-]+=[^\\s'\",()]+,[^\\s]");

    @Test
    void theWindowsScriptsAvoidPowerShellsParseTraps() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("assets/aws"))) {
            scripts = files.filter(p -> p.toString().endsWith(".ps1")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "assets/aws has its PowerShell scripts");
        List<String> traps = new ArrayList<>();
        for (Path script : scripts) {
            List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = script.getFileName() + ":" + (i + 1) + ": ";
                if (!line.stripLeading().startsWith("#") && DRIVE_VARIABLE.matcher(line).find()) {
                    traps.add(where + "$name: in a string (write ${name}:)");
                }
                if (!line.stripLeading().startsWith("#") && UNQUOTED_COMMA_LIST.matcher(line).find()) {
                    traps.add(where + "an unquoted comma list (quote it)");
                }
                if (!line.chars().allMatch(c -> c < 128)) {
                    traps.add(where + "a character outside ASCII");
                }
            }
        }
        assertEquals(List.of(), traps);
    }
}
