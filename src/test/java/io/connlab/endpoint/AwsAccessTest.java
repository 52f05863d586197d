package io.connlab.endpoint;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AwsAccessTest {

    @Test
    void mockGetsDummyKeysAndItsRegion() {
        EndpointProfile mock = EndpointProfiles.parse(EndpointProfilesTest.MOCK_JSON);
        AwsCredentials c = AwsAccess.credentials(mock).resolveCredentials();
        assertEquals("connlab-mock", c.accessKeyId());
        assertEquals(Region.US_EAST_1, AwsAccess.region(mock));
        try (var sns = AwsAccess.snsClient(mock)) {
            assertEquals("sns", sns.serviceName());
        }
    }

    @Test
    void liveChainReadsSystemPropertiesWithoutTouchingInstanceMetadata() {
        // environment variables come first in the chain; with them set this test proves nothing
        Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null);
        String oldId = System.getProperty("aws.accessKeyId");
        String oldKey = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
        try (var chain = AwsAccess.liveChain()) {
            assertEquals("AKIDTEST", chain.resolveCredentials().accessKeyId());
        } finally {
            restore("aws.accessKeyId", oldId);
            restore("aws.secretAccessKey", oldKey);
        }
    }

    @Test
    void profileWithoutTopicHasNoSnsClient() {
        EndpointProfile chat = new EndpointProfile("chat", EndpointProfile.Kind.LIVE, "wss://x.example/Prod", null, null,
                null, null, "eu-west-1", null, null, null);
        assertThrows(IllegalArgumentException.class, () -> AwsAccess.snsClient(chat));
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
