package io.connlab.mock.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 8, item 6, with a client nobody in the project wrote: Node's ws, from
 * bench/node-ws/big-frame.js. Runs where node and the reference's node_modules are present
 * (bench/node-ws: npm ci); skipped elsewhere, since a test must not fetch from a registry.
 */
class GatewayNodeClientTest {
    private static final Path SCRIPT = Path.of("bench", "node-ws", "big-frame.js");

    @RegisterExtension
    final GatewayFixture fixture = new GatewayFixture();

    @Test
    void nodeWsClientsSending200KbAllRead1009() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("bench", "node-ws", "node_modules", "ws")), "bench/node-ws has no node_modules");
        assumeTrue(onPath("node"), "node is not installed");
        Path output = Files.createTempFile("big-frame", ".txt");
        Process node = new ProcessBuilder("node", SCRIPT.toString(),
                "ws://127.0.0.1:" + fixture.address.getPort() + "/dev", "40")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished within 60 s");
        } finally {
            node.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertEquals(0, node.exitValue(), out);
        assertTrue(out.contains("\"closeCodes\":{\"1009\":40}"), out);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }
}
