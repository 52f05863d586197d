package io.connlab.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code aws cloudformation describe-stacks} JSON into an endpoint profile. ConnLab's stack
 * ({@code assets/aws/template.yaml}) outputs exactly the keys of {@link #FIELDS}; the unmodified
 * simple-websockets-chat-app outputs only {@code WebSocketURI}, which makes a WebSocket-only profile.
 */
public final class StackOutputs {
    /** Stack output key to profile field: the template's Outputs section must be exactly these keys. */
    public static final Map<String, String> FIELDS = fields();
    /** The chat sample's name for its WebSocket URL. */
    static final String CHAT_SAMPLE_URL = "WebSocketURI";

    private StackOutputs() {
    }

    private static Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ProfileName", "name");
        m.put("WebSocketUrl", "websocketUrl");
        m.put("ConnectionsUrl", "connectionsUrl");
        m.put("PollUrl", "pollUrl");
        m.put("InvokeUrl", "invokeUrl");
        m.put("TopicArn", "topicArn");
        m.put("Region", "region");
        m.put("PublishPath", "publishPath");
        return Map.copyOf(m);
    }

    /**
     * The profile of one stack in the JSON. {@code stackName} picks one when the JSON lists several
     * (null: the only one that has a WebSocket URL). The token and the AWS profile name are not stack
     * outputs (the token is a secret parameter): they come from the caller.
     */
    static EndpointProfile profile(JsonNode root, String stackName, String token, String awsProfile) {
        JsonNode stacks = root.path("Stacks");
        List<JsonNode> candidates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode s : stacks) {
            names.add(s.path("StackName").asText("?"));
            if (stackName != null ? stackName.equals(s.path("StackName").asText()) : websocketUrl(outputs(s)) != null) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(stackName != null
                    ? "describe-stacks: no stack named '" + stackName + "' (found: " + String.join(", ", names) + ")"
                    : "describe-stacks: no stack has a WebSocketUrl (or WebSocketURI) output: is the stack deployed, and is it ConnLab's"
                    + " or the chat sample? (found: " + (names.isEmpty() ? "no stacks" : String.join(", ", names)) + ")");
        }
        if (candidates.size() > 1) {
            throw new IllegalArgumentException("describe-stacks lists several stacks with a WebSocket URL ("
                    + String.join(", ", names) + "): name the one to import");
        }
        JsonNode stack = candidates.get(0);
        Map<String, String> out = outputs(stack);
        String region = out.getOrDefault("Region", regionOf(stack.path("StackId").asText("")));
        String name = out.getOrDefault("ProfileName", stack.path("StackName").asText("stack") + " " + region);
        return new EndpointProfile(name, EndpointProfile.Kind.LIVE, websocketUrl(out), token, out.get("PollUrl"), null,
                out.get("TopicArn"), region, out.get("InvokeUrl"), out.get("ConnectionsUrl"), null, awsProfile,
                out.get("PublishPath"));
    }

    private static Map<String, String> outputs(JsonNode stack) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode o : stack.path("Outputs")) out.put(o.path("OutputKey").asText(), o.path("OutputValue").asText());
        return out;
    }

    private static String websocketUrl(Map<String, String> out) {
        return out.getOrDefault("WebSocketUrl", out.get(CHAT_SAMPLE_URL));
    }

    /** arn:aws:cloudformation:eu-west-1:123456789012:stack/name/id -> eu-west-1 (null when not an ARN). */
    private static String regionOf(String stackId) {
        String[] parts = stackId.split(":");
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
    }
}
