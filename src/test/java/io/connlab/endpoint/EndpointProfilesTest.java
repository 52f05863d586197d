package io.connlab.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointProfilesTest {

    static final String MOCK_JSON = """
            {
              "name": "Bundled mock",
              "kind": "mock",
              "websocketUrl": "ws://127.0.0.1:9001/dev",
              "pollUrl": "http://127.0.0.1:9000/dev/poll",
              "snsEndpoint": "http://127.0.0.1:9000/sns",
              "topicArn": "arn:aws:sns:us-east-1:000000000000:connlab",
              "region": "us-east-1",
              "invokeUrl": "http://127.0.0.1:9000/dev/invoke",
              "connectionsUrl": "http://127.0.0.1:9000/dev/@connections",
              "adminUrl": "http://127.0.0.1:9000/_connlab/",
              "somethingNewer": {"ignored": true}
            }
            """;

    @Test
    void parsesWhatServePrintsIgnoringUnknownFields() {
        EndpointProfile p = EndpointProfiles.parse(MOCK_JSON);
        assertEquals("Bundled mock", p.name());
        assertEquals(EndpointProfile.Kind.MOCK, p.kind());
        assertEquals("ws://127.0.0.1:9001/dev", p.websocketConnectUri().toString());
        assertEquals("http://127.0.0.1:9000/dev/invoke", p.invokeUrl());
        assertNull(p.token());
        assertTrue(p.hasPoll() && p.hasSns() && p.hasInvoke() && p.hasConnectionsApi());
    }

    @Test
    void saveThenLoadGivesTheSameProfile(@TempDir Path dir) {
        EndpointProfile p = EndpointProfiles.parse(MOCK_JSON).withToken("s3cret &=");
        Path file = dir.resolve("sub/profile.json");
        EndpointProfiles.save(file, p);
        assertEquals(p, EndpointProfiles.load(file));
        assertEquals("ws://127.0.0.1:9001/dev?token=s3cret+%26%3D", p.websocketConnectUri().toString());
    }

    @Test
    void liveChatSampleNeedsOnlyAWebSocketUrlAndRegion() {
        EndpointProfile p = EndpointProfiles.parse("""
                {"name":"chat","kind":"LIVE","websocketUrl":"wss://abc.execute-api.eu-west-1.amazonaws.com/Prod",
                 "region":"eu-west-1"}""");
        assertEquals(EndpointProfile.Kind.LIVE, p.kind());
        assertTrue(!p.hasPoll() && !p.hasSns() && !p.hasInvoke());
    }

    @Test
    void missingRequiredFieldIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> EndpointProfiles.parse("""
                {"name":"x","kind":"LIVE","region":"us-east-1"}"""));
        assertTrue(e.getMessage().contains("'websocketUrl'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EndpointProfiles.parse("""
                {"name":"x","websocketUrl":"ws://h/dev","region":"us-east-1"}"""));
        assertTrue(e.getMessage().contains("'kind'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EndpointProfiles.parse("""
                {"name":"x","kind":"LIVE","websocketUrl":"ws://h/dev"}"""));
        assertTrue(e.getMessage().contains("'region'"), e.getMessage());
    }

    @Test
    void badValuesGetClearMessages() {
        assertMessage("{\"name\":\"x\",\"kind\":\"LIVE\",\"websocketUrl\":\"http://h/dev\",\"region\":\"us-east-1\"}",
                "must start with ws:// or wss://");
        assertMessage("{\"name\":\"x\",\"kind\":\"CLOUD\",\"websocketUrl\":\"ws://h/dev\",\"region\":\"us-east-1\"}",
                "MOCK or LIVE");
        assertMessage("{\"name\":\"x\",\"kind\":\"LIVE\",\"websocketUrl\":\"ws://h/dev\",\"region\":\"Virginia\"}",
                "region");
        assertMessage("{\"name\":\"x\",\"kind\":\"LIVE\",\"websocketUrl\":\"ws://h/dev\",\"region\":\"us-east-1\",\"pollUrl\":\"ftp://h/p\"}",
                "'pollUrl' must start with http:// or https://");
        assertMessage("{\"name\":\"x\",\"kind\":\"LIVE\",\"websocketUrl\":\"ws://h/dev\",\"region\":\"us-east-1\",\"topicArn\":\"connlab\"}",
                "topicArn");
        assertMessage("{\"name\":\"x\",\"kind\":\"MOCK\",\"websocketUrl\":\"ws://h/dev\",\"region\":\"us-east-1\","
                + "\"topicArn\":\"arn:aws:sns:us-east-1:000000000000:connlab\"}", "needs 'snsEndpoint'");
        assertMessage("{\"name\":\"x\",\"kind\":\"LIVE\",\"websocketUrl\":\"ws:// bad url\",\"region\":\"us-east-1\"}",
                "not a valid URL");
        assertMessage("{\"name\":7,\"kind\":\"LIVE\",\"websocketUrl\":\"ws://h/dev\",\"region\":\"us-east-1\"}",
                "'name' must be a string");
        assertMessage("{\"name\":\"x\",", "not valid JSON");
        assertMessage("[1,2]", "expected a JSON object");
        assertMessage("  ", "empty");
    }

    @Test
    void loadNamesTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        var e = assertThrows(IllegalArgumentException.class, () -> EndpointProfiles.load(missing));
        assertTrue(e.getMessage().contains("nope.json") && e.getMessage().contains("no such file"), e.getMessage());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\":\"x\"}");
        e = assertThrows(IllegalArgumentException.class, () -> EndpointProfiles.load(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("missing required field"), e.getMessage());
    }

    @Test
    void toStringHidesTheToken() {
        EndpointProfile p = EndpointProfiles.parse(MOCK_JSON).withToken("s3cret");
        assertTrue(!p.toString().contains("s3cret"));
        assertTrue(!EndpointProfiles.toJson(p.withToken(null)).contains("token"));
    }

    @Test
    void theInstructorKeySurvivesSaveAndLoadAndStaysOutOfLogsAndStudentCopies(@TempDir Path dir) {
        EndpointProfile p = EndpointProfiles.parse(MOCK_JSON).toBuilder().token("class42").instructorKey("k-9f2c").build();
        assertTrue(p.hasInstructorKey());
        Path file = dir.resolve("instructor.json");
        EndpointProfiles.save(file, p);
        assertEquals(p, EndpointProfiles.load(file));
        assertTrue(!p.toString().contains("k-9f2c"), p.toString());
        EndpointProfile student = p.withInstructorKey(null);
        assertTrue(!EndpointProfiles.toJson(student).contains("instructorKey"));
        assertEquals("class42", student.token());
    }

    @Test
    void theBuilderChecksAsTheConstructorDoesAndCopiesEveryField() {
        EndpointProfile p = EndpointProfiles.parse(MOCK_JSON).withToken("t");
        assertEquals(p, p.toBuilder().build());
        assertEquals("x", p.withName("x").name());
        var e = assertThrows(IllegalArgumentException.class, () -> EndpointProfile.builder("chat", EndpointProfile.Kind.LIVE,
                "wss://abc.execute-api.eu-west-1.amazonaws.com/Prod").instructorKey("k").build());
        assertTrue(e.getMessage().contains("instructorKey"), e.getMessage());
        assertMessage("{\"name\":\"n\",\"kind\":\"MOCK\",\"websocketUrl\":\"ws://h:1/dev\",\"region\":\"us-east-1\","
                + "\"instructorKey\":7}", "'instructorKey' must be a string");
    }

    private static void assertMessage(String json, String expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> EndpointProfiles.parse(json));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
