package io.connlab.ui.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * An endpoint profile as the Profiles dialog edits it: every field as the text typed, valid or
 * not (the engine checks it with the profile's own rules, see {@link ProfileStore#problems}).
 */
public record ProfileFields(Map<Field, String> values) {

    /** What a profile holds, in the form's order. KIND is "LIVE" (a deployed stack) or "MOCK" (a {@code serve}). */
    public enum Field {
        NAME, KIND, WEBSOCKET_URL, POLL_URL, INVOKE_URL, TOPIC_ARN, REGION, AWS_PROFILE, TOKEN, PUBLISH_PATH,
        SNS_ENDPOINT, CONNECTIONS_URL, ADMIN_URL, INSTRUCTOR_KEY
    }

    public static final String LIVE = "LIVE";
    public static final String MOCK = "MOCK";

    public ProfileFields {
        Map<Field, String> copy = new EnumMap<>(Field.class);
        for (Field f : Field.values()) copy.put(f, values.getOrDefault(f, "") == null ? "" : values.getOrDefault(f, ""));
        values = Map.copyOf(copy);
    }

    /** A new live profile: a name and the region filled in, the rest to type or import. */
    public static ProfileFields newLive(String name) {
        return new ProfileFields(Map.of(Field.NAME, name, Field.KIND, LIVE, Field.REGION, "us-east-1",
                Field.PUBLISH_PATH, "websocket"));
    }

    public String get(Field f) {
        return values.get(f);
    }

    public ProfileFields with(Field f, String value) {
        Map<Field, String> m = new EnumMap<>(values);
        m.put(f, value == null ? "" : value);
        return new ProfileFields(m);
    }

    public boolean live() {
        return !MOCK.equals(get(Field.KIND));
    }
}
