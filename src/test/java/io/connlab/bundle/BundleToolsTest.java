package io.connlab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bundle build's own pieces: the icon files and the zip that keeps launchers executable. */
class BundleToolsTest {

    @Test
    void theIconIsDrawnOnATileWithTransparentCorners() throws Exception {
        var img = javax.imageio.ImageIO.read(new ByteArrayInputStream(IconPainter.png(64)));
        assertEquals(64, img.getWidth());
        assertEquals(0, img.getRGB(0, 0) >>> 24, "corner is transparent");
        assertEquals(255, img.getRGB(32, 8) >>> 24, "tile is opaque");
    }

    @Test
    void theWindowIconResourcesAreThePaintersPictures() throws Exception {
        for (int size : new int[]{16, 32, 64, 256}) {
            String name = "/io/connlab/ui/connlab-" + size + ".png";
            try (var in = BundleToolsTest.class.getResourceAsStream(name)) {
                assertNotNull(in, name);
                var committed = javax.imageio.ImageIO.read(in);
                var painted = IconPainter.paint(size);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        assertEquals(painted.getRGB(x, y), committed.getRGB(x, y),
                                name + " differs from IconPainter at " + x + "," + y + ": regenerate it");
                    }
                }
            }
        }
    }

    @Test
    void icoAndIcnsHeadersPointAtTheirPngs() throws Exception {
        ByteBuffer ico = ByteBuffer.wrap(IconPainter.ico()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2));
        int count = ico.getShort(4);
        assertEquals(7, count);
        int lastOffset = ico.getInt(6 + 16 * (count - 1) + 12);
        int lastSize = ico.getInt(6 + 16 * (count - 1) + 8);
        assertEquals(ico.capacity(), lastOffset + lastSize, "the last image ends the file");
        assertEquals((byte) 0x89, ico.get(lastOffset));
        assertEquals('P', ico.get(lastOffset + 1));

        byte[] icns = IconPainter.icns();
        assertArrayEquals("icns".getBytes(), java.util.Arrays.copyOf(icns, 4));
        assertEquals(icns.length, ByteBuffer.wrap(icns).getInt(4));
        assertArrayEquals("icp4".getBytes(), java.util.Arrays.copyOfRange(icns, 8, 12));
    }

    @Test
    void theZipKeepsTheLauncherExecutableUnderItsTopFolder(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("connlab-1-linux-x64");
        Files.createDirectories(folder.resolve("bin"));
        Path launcher = Files.writeString(folder.resolve("bin/connlab"), "#!/bin/sh\n");
        Files.writeString(folder.resolve("README.txt"), "hi");
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "a POSIX file system");
        Archives.makeExecutable(launcher);

        Path zip = dir.resolve("out.zip");
        Archives.zip(folder, zip);
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(fs.getPath("connlab-1-linux-x64/bin/connlab"));
            assertTrue(perms.contains(PosixFilePermission.OWNER_EXECUTE), perms.toString());
            assertFalse(Files.getPosixFilePermissions(fs.getPath("connlab-1-linux-x64/README.txt"))
                    .contains(PosixFilePermission.OWNER_EXECUTE));
            assertNotNull(Files.readString(fs.getPath("connlab-1-linux-x64/README.txt")));
        }
    }

    @Test
    void javafxJarsAreToldApartFromLibrariesNamedAfterJavafx() {
        assertTrue(BundleLayout.isJavafxPlatformJar(Path.of("javafx-graphics-21.0.11-linux.jar")));
        assertTrue(BundleLayout.isJavafxPlatformJar(Path.of("javafx-base-21.0.11-mac-aarch64.jar")));
        assertFalse(BundleLayout.isJavafxPlatformJar(Path.of("javafx-base-21.0.11.jar")));
        assertTrue(BundleLayout.isJavafxJar(Path.of("javafx-base-21.0.11.jar")));
        assertFalse(BundleLayout.isJavafxJar(Path.of("ikonli-javafx-12.3.1.jar")));
    }
}
