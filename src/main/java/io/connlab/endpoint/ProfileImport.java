package io.connlab.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes an endpoint profile from whatever the user pastes or picks: a saved profile (what
 * {@code assets/aws/deploy.sh} writes), the whole text {@code connlab serve} prints, or the JSON
 * of {@code aws cloudformation describe-stacks}. Each failure says which of these it looked like.
 */
public final class ProfileImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileImport() {
    }

    /** Imports with no token or AWS profile name beyond what the text holds. */
    public static EndpointProfile fromText(String text) {
        return fromText(text, null, null, null);
    }

    /**
     * @param stackName  for describe-stacks JSON listing several stacks, the one to import (else null)
     * @param token      the {@code $connect} token for describe-stacks JSON (stacks never output it), or null
     * @param awsProfile the {@code ~/.aws/config} profile to use for a describe-stacks import, or null
     */
    public static EndpointProfile fromText(String text, String stackName, String token, String awsProfile) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("nothing to import: the text is empty");
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            JsonNode root = tree(trimmed, "the JSON");
            if (root.has("Stacks")) return StackOutputs.profile(root, stackName, token, awsProfile);
            return EndpointProfiles.parse(trimmed);
        }
        String block = jsonBlock(text);
        if (block == null) {
            throw new IllegalArgumentException("found no profile: paste a saved profile (JSON), the whole output of"
                    + " 'connlab serve', or the output of 'aws cloudformation describe-stacks'");
        }
        return EndpointProfiles.parse(block);
    }

    /** The profile block in {@code serve}'s output: from a line that is "{" to the next line that is "}". */
    private static String jsonBlock(String text) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("{")) continue;
            StringBuilder b = new StringBuilder();
            for (int j = i; j < lines.length; j++) {
                b.append(lines[j]).append('\n');
                if (lines[j].strip().equals("}")) return b.toString();
            }
        }
        return null;
    }

    private static JsonNode tree(String json, String what) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) throw new IllegalArgumentException(what + " is not a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
