package io.connlab.mock;

import java.util.Locale;

/**
 * Which kind of API Gateway API the mock's poll and invoke endpoints play. The live stack uses an
 * HTTP API, so that is the default; a REST API is offered so a lesson can show the difference.
 * (Prices live in the client's cost model, not here.)
 */
public enum ApiKind {
    /** HTTP API: integration timeout 30 s, fixed (FACTS 36). */
    HTTP_API("HTTP API", 30_000),
    /** REST API: integration timeout 29 s by default (FACTS 33). */
    REST_API("REST API", 29_000);

    private final String label;
    private final long integrationTimeoutMillis;

    ApiKind(String label, long integrationTimeoutMillis) {
        this.label = label;
        this.integrationTimeoutMillis = integrationTimeoutMillis;
    }

    public String label() {
        return label;
    }

    /** How long the gateway waits for the integration (on the real clock) before it answers 504. */
    public long integrationTimeoutMillis() {
        return integrationTimeoutMillis;
    }

    /** "http" or "rest", any case; anything else is refused with a message naming it. */
    public static ApiKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "http", "http-api", "http_api" -> HTTP_API;
            case "rest", "rest-api", "rest_api" -> REST_API;
            default -> throw new IllegalArgumentException("--api must be http or rest, got '" + text + "'");
        };
    }
}
