package io.connlab.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Reads and writes {@link EndpointProfile}s as JSON. Unknown fields are ignored (a newer
 * {@code serve} may print more); a missing or mistyped field gets an error naming it.
 */
public final class EndpointProfiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A profile is a handful of URLs; anything bigger is not one. */
    private static final long MAX_FILE_BYTES = 1 << 20;
    /** Fields that would hold AWS keys: refused, so a profile file can be shared safely. */
    private static final java.util.List<String> KEY_FIELDS = java.util.List.of("accessKeyId", "secretAccessKey",
            "sessionToken", "aws_access_key_id", "aws_secret_access_key", "aws_session_token");

    private EndpointProfiles() {
    }

    /** Parses a profile; {@link IllegalArgumentException} with a clear message when it is not a valid one. */
    public static EndpointProfile parse(String json) {
        if (json != null && json.startsWith("\uFEFF")) json = json.substring(1); // a byte-order mark, as Notepad writes
        if (json == null || json.isBlank()) throw new IllegalArgumentException("endpoint profile: empty text, expected a JSON object");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("endpoint profile: not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("endpoint profile: expected a JSON object");
        }
        for (String key : KEY_FIELDS) {
            if (root.has(key)) {
                throw new IllegalArgumentException("endpoint profile: '" + key + "' does not belong in a profile: ConnLab never stores"
                        + " AWS keys. Keep them in ~/.aws (aws configure / aws sso login) and name that profile in 'awsProfile'");
            }
        }
        String kindText = text(root, "kind");
        EndpointProfile.Kind kind = null;
        if (kindText != null) {
            try {
                kind = EndpointProfile.Kind.valueOf(kindText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint profile: 'kind' must be MOCK or LIVE, got '" + kindText + "'");
            }
        }
        return EndpointProfile.builder(text(root, "name"), kind, text(root, "websocketUrl")).token(text(root, "token"))
                .pollUrl(text(root, "pollUrl")).snsEndpoint(text(root, "snsEndpoint")).topicArn(text(root, "topicArn"))
                .region(text(root, "region")).invokeUrl(text(root, "invokeUrl")).connectionsUrl(text(root, "connectionsUrl"))
                .adminUrl(text(root, "adminUrl")).awsProfile(text(root, "awsProfile")).publishPath(text(root, "publishPath"))
                .instructorKey(text(root, "instructorKey")).build();
    }

    /** Loads a profile file; {@link IllegalArgumentException} names the file when it is missing or invalid. */
    public static EndpointProfile load(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("endpoint profile " + file + ": larger than 1 MB, not a profile");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("endpoint profile " + file + ": no such file");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("endpoint profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the profile as JSON, replacing the file atomically where the file system allows. */
    public static void save(Path file, EndpointProfile profile) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".profile", ".tmp");
            try {
                ownerOnly(tmp); // a profile may hold a $connect token
                Files.writeString(tmp, toJson(profile), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException atomicNotSupported) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save endpoint profile to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** The profile as JSON, null fields left out. */
    public static String toJson(EndpointProfile p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", p.name());
        o.put("kind", p.kind().name());
        o.put("websocketUrl", p.websocketUrl());
        putIf(o, "token", p.token());
        putIf(o, "pollUrl", p.pollUrl());
        putIf(o, "snsEndpoint", p.snsEndpoint());
        putIf(o, "topicArn", p.topicArn());
        o.put("region", p.region());
        putIf(o, "invokeUrl", p.invokeUrl());
        putIf(o, "connectionsUrl", p.connectionsUrl());
        putIf(o, "adminUrl", p.adminUrl());
        putIf(o, "awsProfile", p.awsProfile());
        o.put("publishPath", p.publishPath());
        putIf(o, "instructorKey", p.instructorKey());
        try {
            return JSON.writeValueAsString(o) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings always serialises
        }
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            throw new IllegalArgumentException("endpoint profile: field '" + field + "' must be a string, got " + n.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        return n.textValue();
    }
}
