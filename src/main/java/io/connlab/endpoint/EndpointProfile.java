package io.connlab.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the lanes and the publisher find a backend: the bundled mock or a live AWS stack.
 * The same lane code runs against either; only this profile differs.
 *
 * <p>As JSON (what {@code serve} prints and {@link EndpointProfiles} reads), the field
 * names are the component names: {@code name}, {@code kind} ({@code "MOCK"} or
 * {@code "LIVE"}), {@code websocketUrl}, {@code token}, {@code pollUrl},
 * {@code snsEndpoint}, {@code topicArn}, {@code region}, {@code invokeUrl},
 * {@code connectionsUrl}, {@code adminUrl}, {@code awsProfile}, {@code publishPath}, {@code instructorKey}.
 *
 * <p>Build one with {@link #builder} (or change one with {@link #toBuilder}): the positional
 * constructors are kept for old callers, new fields go only into the builder.
 *
 * @param name           what the user calls this backend ("Bundled mock", "my-stack eu-west-1")
 * @param kind           {@link Kind#MOCK} or {@link Kind#LIVE}
 * @param websocketUrl   {@code wss://…/stage} or {@code ws://127.0.0.1:P/dev}; required
 * @param token          sent as {@code ?token=} on the WebSocket handshake, or null
 * @param pollUrl        {@code …/dev/poll} for the long- and short-poll lanes, or null when the stack has none
 * @param snsEndpoint    SNS API endpoint override (the mock's), or null for real AWS SNS
 * @param topicArn       the SNS topic the run publishes to, or null when the stack has none
 * @param region         AWS region, e.g. {@code us-east-1}; required
 * @param invokeUrl      {@code …/dev/invoke} for the pool lanes, or null
 * @param connectionsUrl {@code …/dev/@connections} management API, or null
 * @param adminUrl       the mock's {@code /_connlab/} admin API, or null (always null for a live stack)
 * @param awsProfile     the named profile in {@code ~/.aws/config} (SSO ones included) whose credentials a
 *                       live profile uses, or null for the SDK's default chain; never the keys themselves
 * @param publishPath    {@code sns} or {@code websocket}: how a run publishes by default; null picks
 *                       {@code sns} when there is a topic, else {@code websocket} (the chat sample's way)
 * @param instructorKey  the key of a {@code serve}d mock's instructor ({@code serve --instructor-key}): the admin
 *                       API, faults and {@code @connections} need it; never in a profile handed to students; null
 *                       for none (a student's profile, the bundled mock, a live stack)
 */
public record EndpointProfile(String name, Kind kind, String websocketUrl, String token, String pollUrl,
                              String snsEndpoint, String topicArn, String region, String invokeUrl,
                              String connectionsUrl, String adminUrl, String awsProfile, String publishPath,
                              String instructorKey) {

    /** What {@code publishPath} may be. */
    public static final String PUBLISH_SNS = "sns";
    public static final String PUBLISH_WEBSOCKET = "websocket";

    /** The bundled mock (dummy credentials, admin API) or a deployed AWS stack. */
    public enum Kind { MOCK, LIVE }

    public EndpointProfile {
        require("name", name);
        if (kind == null) throw new IllegalArgumentException("endpoint profile: missing required field 'kind' (MOCK or LIVE)");
        require("websocketUrl", websocketUrl);
        require("region", region);
        token = blankToNull(token);
        pollUrl = blankToNull(pollUrl);
        snsEndpoint = blankToNull(snsEndpoint);
        topicArn = blankToNull(topicArn);
        invokeUrl = blankToNull(invokeUrl);
        connectionsUrl = blankToNull(connectionsUrl);
        adminUrl = blankToNull(adminUrl);
        awsProfile = blankToNull(awsProfile);
        publishPath = blankToNull(publishPath);
        instructorKey = blankToNull(instructorKey);
        if (publishPath == null) publishPath = topicArn != null ? PUBLISH_SNS : PUBLISH_WEBSOCKET;
        publishPath = publishPath.toLowerCase(Locale.ROOT);

        checkUrl("websocketUrl", websocketUrl, "ws", "wss");
        checkUrl("pollUrl", pollUrl, "http", "https");
        checkUrl("snsEndpoint", snsEndpoint, "http", "https");
        checkUrl("invokeUrl", invokeUrl, "http", "https");
        checkUrl("connectionsUrl", connectionsUrl, "http", "https");
        checkUrl("adminUrl", adminUrl, "http", "https");
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new IllegalArgumentException("endpoint profile: region must look like 'us-east-1', got '" + region + "'");
        }
        if (topicArn != null && !topicArn.matches("arn:[^:]+:sns:[^:]+:\\d{12}:[A-Za-z0-9_.-]{1,256}")) {
            throw new IllegalArgumentException(
                    "endpoint profile: topicArn must look like 'arn:aws:sns:us-east-1:123456789012:name', got '" + topicArn + "'");
        }
        if (kind == Kind.MOCK && topicArn != null && snsEndpoint == null) {
            // without the override the SDK would publish to real AWS SNS with the mock's dummy keys
            throw new IllegalArgumentException("endpoint profile: a MOCK profile with a topicArn needs 'snsEndpoint'");
        }
        if (!publishPath.equals(PUBLISH_SNS) && !publishPath.equals(PUBLISH_WEBSOCKET)) {
            throw new IllegalArgumentException("endpoint profile: 'publishPath' must be sns or websocket, got '" + publishPath + "'");
        }
        if (publishPath.equals(PUBLISH_SNS) && topicArn == null) {
            throw new IllegalArgumentException("endpoint profile: 'publishPath' sns needs a 'topicArn' (or use publishPath websocket)");
        }
        if (awsProfile != null && !awsProfile.matches("[A-Za-z0-9_.+=,@-]{1,128}")) {
            throw new IllegalArgumentException("endpoint profile: 'awsProfile' must be a profile name from ~/.aws/config"
                    + " (letters, digits and _ . + = , @ -), got '" + awsProfile + "'");
        }
        if (kind == Kind.MOCK && awsProfile != null) {
            throw new IllegalArgumentException("endpoint profile: 'awsProfile' is for a LIVE profile; the bundled mock needs no credentials");
        }
        if (kind == Kind.LIVE && adminUrl != null) {
            throw new IllegalArgumentException("endpoint profile: 'adminUrl' is for the bundled mock only, not a LIVE profile");
        }
        if (kind == Kind.LIVE && instructorKey != null) {
            throw new IllegalArgumentException("endpoint profile: 'instructorKey' is for a served mock only, not a LIVE profile");
        }
    }

    /** Without an instructor key. */
    public EndpointProfile(String name, Kind kind, String websocketUrl, String token, String pollUrl,
                           String snsEndpoint, String topicArn, String region, String invokeUrl,
                           String connectionsUrl, String adminUrl, String awsProfile, String publishPath) {
        this(name, kind, websocketUrl, token, pollUrl, snsEndpoint, topicArn, region, invokeUrl, connectionsUrl,
                adminUrl, awsProfile, publishPath, null);
    }

    /** A profile without the last two fields: the SDK default chain, and the publish path its topic implies. */
    public EndpointProfile(String name, Kind kind, String websocketUrl, String token, String pollUrl,
                           String snsEndpoint, String topicArn, String region, String invokeUrl,
                           String connectionsUrl, String adminUrl) {
        this(name, kind, websocketUrl, token, pollUrl, snsEndpoint, topicArn, region, invokeUrl, connectionsUrl,
                adminUrl, null, null, null);
    }

    /** A builder with the three fields every profile needs; {@code region} starts as {@code us-east-1}. */
    public static Builder builder(String name, Kind kind, String websocketUrl) {
        return new Builder().name(name).kind(kind).websocketUrl(websocketUrl).region("us-east-1");
    }

    /** A builder holding this profile's fields, to change a few. */
    public Builder toBuilder() {
        return new Builder().name(name).kind(kind).websocketUrl(websocketUrl).token(token).pollUrl(pollUrl)
                .snsEndpoint(snsEndpoint).topicArn(topicArn).region(region).invokeUrl(invokeUrl)
                .connectionsUrl(connectionsUrl).adminUrl(adminUrl).awsProfile(awsProfile).publishPath(publishPath)
                .instructorKey(instructorKey);
    }

    /** Whether this profile may use a served mock's instructor-only parts (admin API, faults, {@code @connections}). */
    public boolean hasInstructorKey() {
        return instructorKey != null;
    }

    public boolean hasPoll() {
        return pollUrl != null;
    }

    public boolean hasSns() {
        return topicArn != null;
    }

    public boolean hasInvoke() {
        return invokeUrl != null;
    }

    public boolean hasConnectionsApi() {
        return connectionsUrl != null;
    }

    /** The URI a WebSocket client connects to: {@link #websocketUrl} with {@code ?token=} added when there is a token. */
    public URI websocketConnectUri() {
        if (token == null) return URI.create(websocketUrl);
        String sep = websocketUrl.contains("?") ? "&" : "?";
        return URI.create(websocketUrl + sep + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** A copy with another name, for saving a variant of a profile. */
    public EndpointProfile withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with another WebSocket token (null for none). */
    public EndpointProfile withToken(String newToken) {
        return toBuilder().token(newToken).build();
    }

    /** A copy with another instructor key (null for none: what a student's copy holds). */
    public EndpointProfile withInstructorKey(String newKey) {
        return toBuilder().instructorKey(newKey).build();
    }

    @Override
    public String toString() {
        // keeps the token and the key out of logs
        return "EndpointProfile[" + name + ", " + kind + ", " + websocketUrl + (token == null ? "" : ", token=***")
                + (instructorKey == null ? "" : ", instructorKey=***") + "]";
    }

    /** Builds a profile field by field; {@link #build} checks it as the constructor does. */
    public static final class Builder {
        private String name;
        private Kind kind;
        private String websocketUrl;
        private String token;
        private String pollUrl;
        private String snsEndpoint;
        private String topicArn;
        private String region;
        private String invokeUrl;
        private String connectionsUrl;
        private String adminUrl;
        private String awsProfile;
        private String publishPath;
        private String instructorKey;

        private Builder() {
        }

        public Builder name(String v) { name = v; return this; }
        public Builder kind(Kind v) { kind = v; return this; }
        public Builder websocketUrl(String v) { websocketUrl = v; return this; }
        public Builder token(String v) { token = v; return this; }
        public Builder pollUrl(String v) { pollUrl = v; return this; }
        public Builder snsEndpoint(String v) { snsEndpoint = v; return this; }
        public Builder topicArn(String v) { topicArn = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder invokeUrl(String v) { invokeUrl = v; return this; }
        public Builder connectionsUrl(String v) { connectionsUrl = v; return this; }
        public Builder adminUrl(String v) { adminUrl = v; return this; }
        public Builder awsProfile(String v) { awsProfile = v; return this; }
        public Builder publishPath(String v) { publishPath = v; return this; }
        public Builder instructorKey(String v) { instructorKey = v; return this; }

        /** The profile; {@link IllegalArgumentException} naming the field that is wrong. */
        public EndpointProfile build() {
            return new EndpointProfile(name, kind, websocketUrl, token, pollUrl, snsEndpoint, topicArn, region, invokeUrl,
                    connectionsUrl, adminUrl, awsProfile, publishPath, instructorKey);
        }
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("endpoint profile: missing required field '" + field + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void checkUrl(String field, String value, String... schemes) {
        if (value == null) return;
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint profile: '" + field + "' is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = false;
        for (String s : schemes) ok |= s.equals(scheme);
        if (!ok) {
            throw new IllegalArgumentException("endpoint profile: '" + field + "' must start with "
                    + String.join(":// or ", schemes) + "://, got '" + value + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("endpoint profile: '" + field + "' has no host: '" + value + "'");
        }
    }
}
