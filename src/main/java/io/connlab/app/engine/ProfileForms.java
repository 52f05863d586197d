package io.connlab.app.engine;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileFields;
import io.connlab.ui.model.ProfileFields.Field;

import java.util.EnumMap;
import java.util.Map;

/**
 * Between the dialog's fields and {@link EndpointProfile}: the profile's own constructor is the
 * only validation. Each field is tried alone on a known-good profile (so every wrong field gets
 * its message at once), then the whole, for rules that tie two fields together.
 */
final class ProfileForms {
    /** A valid profile to try one field on. */
    private static final Map<Field, String> GOOD = Map.of(Field.NAME, "x", Field.WEBSOCKET_URL, "wss://a.example/x",
            Field.REGION, "us-east-1", Field.PUBLISH_PATH, "websocket");

    private ProfileForms() {
    }

    static EndpointProfile toProfile(ProfileFields f) {
        EndpointProfile.Kind kind = f.live() ? EndpointProfile.Kind.LIVE : EndpointProfile.Kind.MOCK;
        return EndpointProfile.builder(f.get(Field.NAME).strip(), kind, f.get(Field.WEBSOCKET_URL).strip())
                .token(f.get(Field.TOKEN)).pollUrl(f.get(Field.POLL_URL)).snsEndpoint(f.get(Field.SNS_ENDPOINT))
                .topicArn(f.get(Field.TOPIC_ARN)).region(f.get(Field.REGION).strip()).invokeUrl(f.get(Field.INVOKE_URL))
                .connectionsUrl(f.get(Field.CONNECTIONS_URL)).adminUrl(f.get(Field.ADMIN_URL))
                .awsProfile(f.get(Field.AWS_PROFILE)).publishPath(f.get(Field.PUBLISH_PATH))
                .instructorKey(f.get(Field.INSTRUCTOR_KEY)).build();
    }

    static ProfileFields toFields(EndpointProfile p) {
        Map<Field, String> m = new EnumMap<>(Field.class);
        m.put(Field.NAME, p.name());
        m.put(Field.KIND, p.kind() == EndpointProfile.Kind.LIVE ? ProfileFields.LIVE : ProfileFields.MOCK);
        m.put(Field.WEBSOCKET_URL, p.websocketUrl());
        m.put(Field.POLL_URL, p.pollUrl());
        m.put(Field.INVOKE_URL, p.invokeUrl());
        m.put(Field.TOPIC_ARN, p.topicArn());
        m.put(Field.REGION, p.region());
        m.put(Field.AWS_PROFILE, p.awsProfile());
        m.put(Field.TOKEN, p.token());
        m.put(Field.PUBLISH_PATH, p.publishPath());
        m.put(Field.SNS_ENDPOINT, p.snsEndpoint());
        m.put(Field.CONNECTIONS_URL, p.connectionsUrl());
        m.put(Field.ADMIN_URL, p.adminUrl());
        m.put(Field.INSTRUCTOR_KEY, p.instructorKey());
        return new ProfileFields(m);
    }

    static Map<Field, String> problems(ProfileFields f) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (field == Field.KIND || field == Field.TOKEN) continue; // a choice, and free text
            ProfileFields alone = new ProfileFields(GOOD).with(Field.KIND, f.get(Field.KIND)).with(field, f.get(field));
            if (field == Field.TOPIC_ARN) alone = alone.with(Field.SNS_ENDPOINT, "http://127.0.0.1:1");
            if (field == Field.PUBLISH_PATH) alone = alone.with(Field.TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:t")
                    .with(Field.SNS_ENDPOINT, "http://127.0.0.1:1");
            try {
                toProfile(alone);
            } catch (IllegalArgumentException e) {
                out.put(field, say(field, e.getMessage()));
            }
        }
        if (!out.isEmpty()) return out;
        try {
            toProfile(f);
        } catch (IllegalArgumentException e) {
            // a rule between fields: shown beside the one to change
            Field at = e.getMessage().contains("needs 'snsEndpoint'") ? Field.SNS_ENDPOINT : Field.PUBLISH_PATH;
            out.put(at, say(at, e.getMessage()));
        }
        return out;
    }

    /** The model's reason, in the window's language. */
    private static String say(Field field, String message) {
        if (message.contains("missing required field")) return I18n.t("profiles.problem.required");
        return switch (field) {
            case NAME -> I18n.t("profiles.problem.required");
            case WEBSOCKET_URL -> I18n.t("profiles.problem.wsUrl");
            case POLL_URL, INVOKE_URL, CONNECTIONS_URL -> I18n.t("profiles.problem.httpUrl");
            case SNS_ENDPOINT -> message.contains("needs 'snsEndpoint'") ? I18n.t("profiles.problem.mockNeedsSns")
                    : I18n.t("profiles.problem.httpUrl");
            case ADMIN_URL -> message.contains("LIVE") ? I18n.t("profiles.problem.adminLive") : I18n.t("profiles.problem.httpUrl");
            case REGION -> I18n.t("profiles.problem.region");
            case TOPIC_ARN -> I18n.t("profiles.problem.topicArn");
            case AWS_PROFILE -> message.contains("LIVE") ? I18n.t("profiles.problem.awsProfileMock") : I18n.t("profiles.problem.awsProfile");
            case PUBLISH_PATH -> message.contains("needs a 'topicArn'") ? I18n.t("profiles.problem.snsNeedsTopic")
                    : I18n.t("profiles.problem.publishPath");
            default -> message;
        };
    }
}
