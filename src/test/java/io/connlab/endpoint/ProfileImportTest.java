package io.connlab.endpoint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileImportTest {

    static final String CONNLAB_STACK = """
            {"Stacks": [{
              "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/connlab/0b5c",
              "StackName": "connlab",
              "Outputs": [
                {"OutputKey": "ProfileName", "OutputValue": "connlab eu-west-1"},
                {"OutputKey": "WebSocketUrl", "OutputValue": "wss://abc123.execute-api.eu-west-1.amazonaws.com/live"},
                {"OutputKey": "ConnectionsUrl", "OutputValue": "https://abc123.execute-api.eu-west-1.amazonaws.com/live/@connections"},
                {"OutputKey": "PollUrl", "OutputValue": "https://def456.execute-api.eu-west-1.amazonaws.com/live/poll"},
                {"OutputKey": "InvokeUrl", "OutputValue": "https://def456.execute-api.eu-west-1.amazonaws.com/live/invoke"},
                {"OutputKey": "TopicArn", "OutputValue": "arn:aws:sns:eu-west-1:123456789012:connlab-Topic-X1"},
                {"OutputKey": "Region", "OutputValue": "eu-west-1"},
                {"OutputKey": "PublishPath", "OutputValue": "sns"}
              ]}]}
            """;

    static final String CHAT_SAMPLE = """
            {"Stacks": [{
              "StackId": "arn:aws:cloudformation:us-west-2:123456789012:stack/simple-websockets-chat-app/1a2b",
              "StackName": "simple-websockets-chat-app",
              "Outputs": [
                {"OutputKey": "ConnectionsTableArn", "OutputValue": "arn:aws:dynamodb:us-west-2:123456789012:table/simplechat_connections"},
                {"OutputKey": "WebSocketURI", "OutputValue": "wss://zzz999.execute-api.us-west-2.amazonaws.com/Prod"}
              ]}]}
            """;

    @Test
    void connlabStackOutputsBecomeEveryProfileField() {
        EndpointProfile p = ProfileImport.fromText(CONNLAB_STACK, null, "s3cret", "lab-sso");
        assertEquals("connlab eu-west-1", p.name());
        assertEquals(EndpointProfile.Kind.LIVE, p.kind());
        assertEquals("wss://abc123.execute-api.eu-west-1.amazonaws.com/live?token=s3cret", p.websocketConnectUri().toString());
        assertEquals("https://def456.execute-api.eu-west-1.amazonaws.com/live/poll", p.pollUrl());
        assertEquals("https://def456.execute-api.eu-west-1.amazonaws.com/live/invoke", p.invokeUrl());
        assertEquals("arn:aws:sns:eu-west-1:123456789012:connlab-Topic-X1", p.topicArn());
        assertEquals("eu-west-1", p.region());
        assertEquals("lab-sso", p.awsProfile());
        assertEquals(EndpointProfile.PUBLISH_SNS, p.publishPath());
        assertNull(p.snsEndpoint(), "a live profile publishes to AWS's own SNS endpoint");
    }

    @Test
    void theUnmodifiedChatSampleGivesAWebSocketOnlyProfile() {
        EndpointProfile p = ProfileImport.fromText(CHAT_SAMPLE);
        assertEquals("wss://zzz999.execute-api.us-west-2.amazonaws.com/Prod", p.websocketUrl());
        assertEquals("us-west-2", p.region(), "taken from the stack's ARN");
        assertEquals(EndpointProfile.PUBLISH_WEBSOCKET, p.publishPath());
        assertFalse(p.hasPoll() || p.hasInvoke() || p.hasSns());
    }

    @Test
    void severalStacksNeedAName() {
        String both = "{\"Stacks\": [" + stacks(CONNLAB_STACK) + "," + stacks(CHAT_SAMPLE) + "]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileImport.fromText(both));
        assertTrue(e.getMessage().contains("connlab, simple-websockets-chat-app"), e.getMessage());
        assertEquals("us-west-2", ProfileImport.fromText(both, "simple-websockets-chat-app", null, null).region());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ProfileImport.fromText("{\"Stacks\": []}"));
        assertTrue(none.getMessage().contains("no stack has a WebSocketUrl"), none.getMessage());
    }

    @Test
    void serveOutputIsFoundAmongItsOtherLines() {
        EndpointProfile mock = EndpointProfiles.parse(EndpointProfilesTest.MOCK_JSON);
        String serveOutput = "ConnLab mock backend 0.1.0 is running (stage dev)\n\n  WebSocket  ws://127.0.0.1:9001/dev\n\n"
                + "Endpoint profile (save as mock.json, load it in the app or pass to bench --profile):\n"
                + EndpointProfiles.toJson(mock) + "\nCtrl-C stops the backend.\n";
        assertEquals(mock, ProfileImport.fromText(serveOutput));
    }

    @Test
    void aSavedProfileImportsAsItself() {
        EndpointProfile live = ProfileImport.fromText(CONNLAB_STACK, null, null, "lab");
        assertEquals(live, ProfileImport.fromText(EndpointProfiles.toJson(live)));
    }

    @Test
    void aByteOrderMarkAsWindowsEditorsWriteIsNoProblem() {
        assertEquals("Bundled mock", EndpointProfiles.parse("\uFEFF" + EndpointProfilesTest.MOCK_JSON).name());
    }

    @Test
    void textWithNoProfileSaysWhatItExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileImport.fromText("hello"));
        assertTrue(e.getMessage().contains("describe-stacks"), e.getMessage());
    }

    @Test
    void profilesNeverHoldKeys() {
        String withKeys = EndpointProfilesTest.MOCK_JSON.replace("\"name\"", "\"secretAccessKey\": \"abc\", \"name\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EndpointProfiles.parse(withKeys));
        assertTrue(e.getMessage().contains("never stores AWS keys"), e.getMessage());
    }

    @Test
    void publishPathAndAwsProfileAreChecked() {
        String ws = "wss://a.execute-api.eu-west-1.amazonaws.com/live";
        IllegalArgumentException sns = assertThrows(IllegalArgumentException.class, () -> new EndpointProfile("x",
                EndpointProfile.Kind.LIVE, ws, null, null, null, null, "eu-west-1", null, null, null, null, "sns"));
        assertTrue(sns.getMessage().contains("needs a 'topicArn'"), sns.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> new EndpointProfile("x",
                EndpointProfile.Kind.LIVE, ws, null, null, null, null, "eu-west-1", null, null, null, "my profile", null));
        assertTrue(name.getMessage().contains("'awsProfile' must be a profile name"), name.getMessage());
    }

    private static String stacks(String describeStacks) {
        String s = describeStacks.strip();
        return s.substring(s.indexOf('[') + 1, s.lastIndexOf(']'));
    }
}
