package io.connlab.bundle;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Packs the bundle's folder: a zip that keeps the Unix permissions (so bin/connlab and the
 * runtime's java stay executable after unzip), through the JDK's own zip file system; and a
 * .tar.gz through the system's tar, where there is one (Linux, macOS).
 */
final class Archives {

    private Archives() {
    }

    /** Zips {@code folder} into {@code zip}, with the folder's name as the top entry. */
    static void zip(Path folder, Path zip) throws IOException {
        Files.deleteIfExists(zip);
        URI uri = URI.create("jar:" + zip.toUri());
        boolean posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"));
             Stream<Path> walk = Files.walk(folder)) {
            Path base = folder.getParent();
            for (Path p : walk.sorted().toList()) {
                Path entry = fs.getPath(base.relativize(p).toString().replace('\\', '/'));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(entry);
                } else {
                    Files.copy(p, entry);
                }
                if (posix) Files.setPosixFilePermissions(entry, Files.getPosixFilePermissions(p));
            }
        }
    }

    /** Tars and gzips {@code folder} into {@code tarGz} with the system's tar; false when there is none. */
    static boolean tarGz(Path folder, Path tarGz) throws IOException, InterruptedException {
        Files.deleteIfExists(tarGz);
        List<String> cmd = List.of("tar", "-czf", tarGz.toAbsolutePath().toString(), "-C",
                folder.toAbsolutePath().getParent().toString(), folder.getFileName().toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException noTar) {
            return false;
        }
        if (p.waitFor() != 0) throw new IOException("tar failed: " + String.join(" ", cmd));
        return true;
    }

    /** The permissions of an executable file, for the files the build writes itself (launcher scripts). */
    static void makeExecutable(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) return;
        Set<PosixFilePermission> perms = new java.util.HashSet<>(Files.getPosixFilePermissions(file));
        perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(file, perms);
    }
}
