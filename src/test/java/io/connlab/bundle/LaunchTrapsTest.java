package io.connlab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Windows and macOS launch traps the bundle build checks (issue 23), on inputs made here:
 * the console and GUI launchers' subsystems, Windows' path limit once a student unpacks, and
 * what README.txt tells a student whose OS refuses the unsigned app. The rest runs only on
 * those OSes, in CI (.ci/bundle-smoke): the Chinese-named folder, the signature, Gatekeeper.
 */
class LaunchTrapsTest {

    /** The first bytes of a Windows .exe: MZ header, PE signature, file header, optional header (PE32+). */
    private static byte[] exe(int subsystem) {
        ByteBuffer b = ByteBuffer.allocate(0x200).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 0x5A4D);
        b.putInt(0x3C, 0x80);
        b.putInt(0x80, 0x00004550);
        b.putShort(0x80 + 4, (short) 0x8664); // machine: x64
        b.putShort(0x80 + 24, (short) 0x20B); // PE32+
        b.putShort(0x80 + 24 + 68, (short) subsystem);
        return b.array();
    }

    @Test
    void theSubsystemIsReadFromThePeHeader(@TempDir Path dir) throws Exception {
        assertEquals(PeSubsystem.GUI, PeSubsystem.of(exe(2)));
        assertEquals(PeSubsystem.CONSOLE, PeSubsystem.of(exe(3)));
        assertThrows(IllegalArgumentException.class, () -> PeSubsystem.of(exe(10)), "an EFI program");
        assertThrows(IllegalArgumentException.class, () -> PeSubsystem.of("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII)));

        Files.write(dir.resolve("ConnLab.exe"), exe(2));
        Files.write(dir.resolve("connlab-cli.exe"), exe(3));
        PeSubsystem.check(dir, "ConnLab.exe", "connlab-cli.exe");
        Files.write(dir.resolve("ConnLab.exe"), exe(3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PeSubsystem.check(dir, "ConnLab.exe", "connlab-cli.exe"));
        assertTrue(e.getMessage().contains("opens a console"), e.getMessage());
    }

    @Test
    void aPathTooLongForWindowsOnceUnpackedFailsTheBuild(@TempDir Path dir) throws Exception {
        Path top = dir.resolve("connlab-0.1.0-windows-x64");
        Path deep = Files.createDirectories(top.resolve("runtime/legal/javafx.graphics"));
        Files.writeString(deep.resolve("LICENSE"), "");
        WindowsPaths.check(top);
        assertEquals("connlab-0.1.0-windows-x64\\runtime\\legal\\javafx.graphics\\LICENSE", WindowsPaths.longest(top));
        assertEquals("C:\\Users\\xxxxxxxxxxxxxxxxxxxx\\Downloads\\connlab-0.1.0-windows-x64\\connlab-0.1.0-windows-x64\\runtime",
                WindowsPaths.asUnpacked(top.getFileName().toString(), "connlab-0.1.0-windows-x64\\runtime"));

        Files.writeString(deep.resolve("a-".repeat(70) + ".txt"), "");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WindowsPaths.check(top));
        assertTrue(e.getMessage().contains("too long for Windows"), e.getMessage());
    }

    @Test
    void theBuiltBundleFitsWindowsPathLimitWithRoomToSpare() throws Exception {
        Path built;
        try (Stream<Path> s = Files.exists(Path.of("target/bundle")) ? Files.list(Path.of("target/bundle")) : Stream.empty()) {
            built = s.filter(p -> p.getFileName().toString().matches("connlab-.*-(linux|windows|macos)-.*") && Files.isDirectory(p))
                    .findFirst().orElse(null);
        }
        assumeTrue(built != null, "no bundle built here (mvn -Pbundle package)");
        String path = WindowsPaths.asUnpacked(built.getFileName().toString(), WindowsPaths.longest(built));
        assertTrue(path.length() <= WindowsPaths.MAX - 40, path.length() + " characters: " + path);
    }

    @Test
    void readmeTellsAStudentPastEachOssRefusalOfAnUnsignedApp() throws Exception {
        String readme = Files.readString(Path.of("src/bundle/README.txt"));
        // Windows SmartScreen on an unsigned download
        assertTrue(readme.contains("\"More info\", then \"Run anyway\""), readme);
        // macOS Gatekeeper: Sequoia dropped the right-click Open way round; Open Anyway and xattr remain
        assertTrue(readme.contains("\"Open Anyway\""), readme);
        assertTrue(readme.contains("xattr -dr com.apple.quarantine ConnLab.app"), readme);
        // a terminal on Windows needs the console launcher: the GUI one prints nowhere
        assertTrue(readme.contains("connlab-cli.exe"), readme);
    }
}
