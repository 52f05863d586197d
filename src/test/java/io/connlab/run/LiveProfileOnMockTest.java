package io.connlab.run;

import io.connlab.endpoint.AwsAccess;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import io.connlab.mock.MockEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The live code path with only the endpoint different: a LIVE profile whose credentials come
 * from a named profile in a temporary ~/.aws (as a real stack's would), publishing through the
 * AWS SDK's SnsClient, received by the WebSocket and long-poll lanes, all on the mock.
 */
class LiveProfileOnMockTest {
    @TempDir
    Path home;

    @Test
    void aLiveProfileWithANamedAwsProfileRunsEveryMessageLane() throws Exception {
        Path config = Files.writeString(home.resolve("config"), "[profile workshop]\nregion = us-east-1\n");
        Path credentials = Files.writeString(home.resolve("credentials"),
                "[workshop]\naws_access_key_id = AKIDWORKSHOP\naws_secret_access_key = workshop-secret\n");
        String oldConfig = System.getProperty("aws.configFile");
        String oldCredentials = System.getProperty("aws.sharedCredentialsFile");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try (MockBackend mock = MockBackend.start(MockConfig.defaults().withToken("class-token"))) {
            MockEndpoints e = mock.endpoints();
            EndpointProfile live = new EndpointProfile("stack on the mock", EndpointProfile.Kind.LIVE, e.websocketUrl(),
                    "class-token", e.pollUrl(), e.snsEndpoint(), e.topicArn(), e.region(), null, null, null, "workshop", null);
            assertEquals("AKIDWORKSHOP", AwsAccess.credentials(live).resolveCredentials().accessKeyId());
            RunSettings s = MockRuns.settings(10, Duration.ofSeconds(2), 2, PublishPath.SNS, Duration.ofMillis(200),
                    Technique.WEBSOCKET, Technique.LONG_POLL);
            RunController run = MockRuns.runToEnd(live, s);
            for (Technique t : new Technique[] {Technique.WEBSOCKET, Technique.LONG_POLL}) {
                LaneSnapshot lane = MockRuns.last(run, t);
                assertEquals(run.published() * 2, lane.delivered(), t + ": " + MockRuns.describe(java.util.List.of(lane)));
                assertEquals(0, lane.lost(), t.label());
            }
        } finally {
            restore("aws.configFile", oldConfig);
            restore("aws.sharedCredentialsFile", oldCredentials);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
