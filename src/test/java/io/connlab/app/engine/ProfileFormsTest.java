package io.connlab.app.engine;

import io.connlab.endpoint.ConnectionTest;
import io.connlab.endpoint.ProfileLibrary;
import io.connlab.ui.model.ProfileFields;
import io.connlab.ui.model.ProfileFields.Field;
import io.connlab.ui.model.ProfileStore.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Profiles dialog's checks are EndpointProfile's own rules, each wrong field named with its reason. */
class ProfileFormsTest {
    private static final ProfileFields STACK = ProfileFields.newLive("Stack")
            .with(Field.WEBSOCKET_URL, "wss://abc.execute-api.eu-west-1.amazonaws.com/dev").with(Field.REGION, "eu-west-1");

    @Test
    void aNewProfileNeedsItsWebSocketUrlAndAGoodOneHasNoProblem() {
        assertEquals(Map.of(Field.WEBSOCKET_URL, "required"), ProfileForms.problems(ProfileFields.newLive("x")));
        assertEquals(Map.of(), ProfileForms.problems(STACK));
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        ProfileFields bad = STACK.with(Field.REGION, "ireland").with(Field.POLL_URL, "ftp://x/poll")
                .with(Field.TOPIC_ARN, "my-topic").with(Field.AWS_PROFILE, "two words").with(Field.NAME, " ");
        Map<Field, String> p = ProfileForms.problems(bad);
        assertEquals("must look like us-east-1", p.get(Field.REGION));
        assertEquals("must be an https:// or http:// URL with a host", p.get(Field.POLL_URL));
        assertTrue(p.get(Field.TOPIC_ARN).startsWith("must look like arn:aws:sns:"));
        assertTrue(p.get(Field.AWS_PROFILE).contains("~/.aws/config"));
        assertEquals("required", p.get(Field.NAME));
        assertEquals(5, p.size(), p.toString());
    }

    @Test
    void rulesBetweenFieldsAreShownBesideTheOneToChange() {
        assertEquals("SNS needs a topic ARN (or publish over the WebSocket)",
                ProfileForms.problems(STACK.with(Field.PUBLISH_PATH, "sns")).get(Field.PUBLISH_PATH));
        ProfileFields mock = STACK.with(Field.KIND, ProfileFields.MOCK).with(Field.TOPIC_ARN, "arn:aws:sns:us-east-1:000000000000:connlab")
                .with(Field.PUBLISH_PATH, "sns");
        assertEquals("a mock with a topic needs its SNS endpoint", ProfileForms.problems(mock).get(Field.SNS_ENDPOINT));
        assertEquals("only for a live stack: the mock needs no credentials",
                ProfileForms.problems(mock.with(Field.AWS_PROFILE, "dev")).get(Field.AWS_PROFILE));
        assertEquals("only for the mock, not a live stack",
                ProfileForms.problems(STACK.with(Field.ADMIN_URL, "http://127.0.0.1:1/_connlab/")).get(Field.ADMIN_URL));
    }

    @Test
    void fieldsGoThroughTheProfileAndBackUnchanged() {
        ProfileFields f = STACK.with(Field.TOKEN, "s3cret").with(Field.AWS_PROFILE, "workshop")
                .with(Field.INVOKE_URL, "https://abc.execute-api.eu-west-1.amazonaws.com/dev/invoke");
        assertEquals(f, ProfileForms.toFields(ProfileForms.toProfile(f)));
    }

    /** An instructor who edits the served mock's profile in the dialog keeps its instructor key. */
    @Test
    void theInstructorKeyGoesThroughTheFormAndIsRefusedOnALiveStack() {
        ProfileFields served = new ProfileFields(java.util.Map.of(Field.NAME, "class", Field.KIND, ProfileFields.MOCK,
                Field.WEBSOCKET_URL, "ws://127.0.0.1:1/dev", Field.REGION, "us-east-1", Field.PUBLISH_PATH, "websocket",
                Field.ADMIN_URL, "http://127.0.0.1:2/_connlab/", Field.INSTRUCTOR_KEY, "ik-secret-123"));
        assertEquals("ik-secret-123", ProfileForms.toProfile(served).instructorKey());
        assertEquals(served.get(Field.INSTRUCTOR_KEY), ProfileForms.toFields(ProfileForms.toProfile(served)).get(Field.INSTRUCTOR_KEY));
        assertTrue(ProfileForms.problems(STACK.with(Field.INSTRUCTOR_KEY, "ik-secret-123")).containsKey(Field.INSTRUCTOR_KEY));
    }

    @Test
    void aNewProfileNeverOverwritesAnotherOfTheSameName(@TempDir Path folder) throws Exception {
        LibraryProfiles store = new LibraryProfiles(new ProfileLibrary(folder));
        Path first = store.save(STACK, null);
        var e = assertThrows(IllegalArgumentException.class, () -> store.save(STACK.with(Field.REGION, "us-east-1"), null));
        assertTrue(e.getMessage().contains("stack.json"), e.getMessage());
        assertEquals("eu-west-1", store.list().get(0).fields().get(Field.REGION));
        Path renamed = store.save(STACK.with(Field.NAME, "Stack two"), first);
        assertFalse(Files.exists(first), "a rename moves the file");
        assertEquals(renamed, store.save(STACK.with(Field.NAME, "Stack two").with(Field.REGION, "us-east-1"), renamed));
    }

    @Test
    void eachFailureGetsItsVerdictFromItsReason() {
        assertEquals(Verdict.DNS, verdict("DNS: the name 'x' does not resolve"));
        assertEquals(Verdict.TLS, verdict("TLS: the secure handshake with 'x' failed"));
        assertEquals(Verdict.TIMEOUT, verdict("timeout: 'x' did not answer in time"));
        assertEquals(Verdict.REFUSED, verdict("refused: nothing accepts connections at 'x'"));
        assertEquals(Verdict.UNAUTHORIZED, verdict("401 Unauthorized: the $connect token is missing"));
        assertEquals(Verdict.FORBIDDEN, verdict("403 Forbidden: wrong token"));
        assertEquals(Verdict.GONE, verdict("410 Gone: the connection no longer exists"));
        assertEquals(Verdict.NO_CREDENTIALS, verdict("no credentials: run 'aws sso login --profile dev'"));
        assertEquals(Verdict.FAILED, verdict("the answer is not a poll answer"));
    }

    private static Verdict verdict(String detail) {
        return LibraryProfiles.verdict(new ConnectionTest.Check("WebSocket", ConnectionTest.Outcome.FAILED, detail));
    }
}
