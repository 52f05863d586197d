package io.connlab.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Parts of library jars that nothing here loads, left out of the bundle's copies of those jars
 * (the jars in the Maven repository and on the build's class path stay whole). No class that
 * stays names a class that goes ({@code UnusedJarPartsTest} reads every class file of the
 * runtime class path), so none can be loaded by accident; nothing loads them by name either.
 */
final class UnusedJarParts {

    /** A jar's file name prefix, and the entry prefixes its bundled copy goes without. */
    static final Map<String, List<String>> PARTS = Map.of(
            "netty-codec-http-", List.of(
                    "io/netty/handler/codec/http/websocketx/", // the gateway is Java-WebSocket's, not Netty's
                    "io/netty/handler/codec/http/multipart/",  // no form uploads: bodies are read whole
                    "io/netty/handler/codec/http/cors/",       // no CORS handler (docs/SECURITY.md: none wanted)
                    "io/netty/handler/codec/spdy/",            // SPDY, which HTTP/2 replaced
                    "io/netty/handler/codec/rtsp/",            // streaming-media control
                    "META-INF/versions/11/module-info.class"), // names those packages; on the class path never read
            "atlantafx-base-", List.of(
                    // the window offers Primer and Nord (ui.toolbar.Theme); nothing names the other themes
                    "atlantafx/base/theme/Cupertino", "atlantafx/base/theme/cupertino-",
                    "atlantafx/base/theme/Dracula", "atlantafx/base/theme/dracula."),
            "netty-codec-http2-", List.of(
                    // HTTP/2 body compression: needs netty-codec-compression, which the bundle already leaves out
                    "io/netty/handler/codec/http2/CompressorHttp2ConnectionEncoder",
                    "io/netty/handler/codec/http2/DelegatingDecompressorFrameListener"));

    private UnusedJarParts() {
    }

    /** What the bundled copy of {@code jarName} leaves out: entry prefixes, empty for a jar kept whole. */
    static List<String> of(String jarName) {
        return PARTS.entrySet().stream().filter(e -> jarName.startsWith(e.getKey())).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
    }

    static boolean unused(String entry, List<String> parts) {
        return parts.stream().anyMatch(entry::startsWith);
    }

    /** Copies {@code jar} to {@code dest}, without its unused parts. Returns the entries left out. */
    static int copy(Path jar, Path dest) throws IOException {
        List<String> parts = of(jar.getFileName().toString());
        if (parts.isEmpty()) {
            Files.copy(jar, dest);
            return 0;
        }
        int left = 0;
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(dest); ZipOutputStream zout = new ZipOutputStream(out)) {
            zout.setLevel(9);
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                if (unused(e.getName(), parts)) {
                    left++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zout.putNextEntry(copy);
                zin.transferTo(zout);
                zout.closeEntry();
            }
        }
        return left;
    }
}
