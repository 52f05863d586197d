package io.connlab.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connlab.endpoint.JsonFiles;
import io.connlab.mock.ApiKind;
import io.connlab.mock.MockConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Mock settings as a file: what {@code calibrate} writes and {@code serve --settings} reads, so the
 * mock plays a measured live stack: {@code rttMillis}, {@code jitterMillis}, {@code coldStartMillis},
 * {@code api} ("http"/"rest"), plus a {@code measured} section kept for the reader.
 */
public final class MockSettingsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The settings the mock takes from the file. */
    public record Settings(int rttMillis, int jitterMillis, int coldStartMillis, ApiKind api) {
        public MockConfig applyTo(MockConfig c) {
            return c.withNetwork(rttMillis, jitterMillis).withColdStartMillis(coldStartMillis).withApiKind(api);
        }
    }

    private MockSettingsFile() {
    }

    public static void write(Path file, Settings s, JsonNode measured) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("rttMillis", s.rttMillis());
        o.put("jitterMillis", s.jitterMillis());
        o.put("coldStartMillis", s.coldStartMillis());
        o.put("api", s.api() == ApiKind.REST_API ? "rest" : "http");
        if (measured != null) o.set("measured", measured);
        Files.writeString(file, JSON.writeValueAsString(o) + System.lineSeparator());
    }

    /** Reads the file; {@link IllegalArgumentException} names the file and the field that is wrong. */
    public static Settings read(Path file) {
        JsonNode root = JsonFiles.readObject(file, "mock settings");
        return new Settings(millis(file, root, "rttMillis", 0), millis(file, root, "jitterMillis", 0),
                millis(file, root, "coldStartMillis", MockConfig.DEFAULT_COLD_START_MILLIS),
                ApiKind.parse(root.path("api").asText("http").toLowerCase(Locale.ROOT)));
    }

    private static int millis(Path file, JsonNode root, String field, int absent) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return absent;
        if (!n.canConvertToInt() || n.asInt() < 0 || n.asInt() > 60_000) {
            throw new IllegalArgumentException(file + ": '" + field + "' must be a whole number of ms from 0 to 60000, got " + n);
        }
        return n.asInt();
    }
}
