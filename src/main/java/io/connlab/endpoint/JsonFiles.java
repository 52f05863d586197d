package io.connlab.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a small JSON file the user named, with one clear message when it is missing or not JSON. */
public final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 64L << 20;

    private JsonFiles() {
    }

    /**
     * The file's JSON object; {@link IllegalArgumentException} names the file and says it is not {@code what}
     * (for example "a saved run") when it is missing, too big, not JSON or not an object.
     */
    public static JsonNode readObject(Path file, String what) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException(file + ": larger than 64 MB, not " + what);
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not " + what + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": not " + what + " (expected a JSON object)");
        return root;
    }
}
