package io.connlab.endpoint;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveCredentialsTest {
    @TempDir
    Path home;

    static EndpointProfile live(String awsProfile) {
        return new EndpointProfile("live", EndpointProfile.Kind.LIVE, "wss://abc.execute-api.eu-west-1.amazonaws.com/live",
                null, null, null, "arn:aws:sns:eu-west-1:123456789012:connlab", "eu-west-1", null, null, null, awsProfile, null);
    }

    @Test
    void aNamedProfileGivesItsOwnKeys() throws Exception {
        try (var files = new AwsConfigFiles(home, AwsConfigFiles.CONFIG, AwsConfigFiles.CREDENTIALS)) {
            assertEquals("AKIDLABPROFILE", AwsAccess.credentials(live("lab")).resolveCredentials().accessKeyId());
            assertTrue(LiveCredentials.problem(live("lab")).isEmpty());
        }
    }

    @Test
    void instanceMetadataIsSwitchedOffForTheWholeSdk() {
        AwsAccess.region(live("lab"));
        assertEquals("true", System.getProperty("aws.disableEc2Metadata"));
    }

    @Test
    void anSsoProfileWithoutASessionNamesTheLoginCommand() throws Exception {
        try (var files = new AwsConfigFiles(home, AwsConfigFiles.CONFIG, AwsConfigFiles.CREDENTIALS)) {
            String why = LiveCredentials.problem(live("lab-sso")).orElseThrow();
            assertTrue(why.contains("aws sso login --profile lab-sso"), why);
        }
    }

    @Test
    void aMissingProfileNamesTheFileAndHowToCreateIt() throws Exception {
        try (var files = new AwsConfigFiles(home, AwsConfigFiles.CONFIG, AwsConfigFiles.CREDENTIALS)) {
            String why = LiveCredentials.problem(live("nope")).orElseThrow();
            assertTrue(why.contains("no profile 'nope' in " + files.config), why);
            assertTrue(why.contains("aws configure sso --profile nope"), why);
            String broken = LiveCredentials.problem(live("broken")).orElseThrow();
            assertTrue(broken.contains("aws sts get-caller-identity --profile broken"), broken);
        }
    }

    @Test
    void anEndpointUrlSettingDoesNotRedirectALiveProfile() throws Exception {
        AtomicInteger redirected = new AtomicInteger();
        HttpServer trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", ex -> {
            redirected.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        trap.start();
        String old = System.getProperty("aws.endpointUrl");
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + trap.getAddress().getPort());
        try (var files = new AwsConfigFiles(home, AwsConfigFiles.CONFIG, AwsConfigFiles.CREDENTIALS);
             var sns = AwsAccess.snsClient(live("lab"))) {
            assertTrue(LiveCredentials.ignoredEndpointSettings().stream().anyMatch(s -> s.startsWith("-Daws.endpointUrl=")));
            // no AWS from here: the publish fails on the way to sns.eu-west-1.amazonaws.com, never reaching the trap
            assertThrows(SdkClientException.class, () -> sns.publish(r -> r.topicArn(live("lab").topicArn()).message("x")));
            assertEquals(0, redirected.get());
            assertEquals("sns.eu-west-1.amazonaws.com", AwsAccess.snsHost(live("lab")));
        } finally {
            if (old == null) System.clearProperty("aws.endpointUrl");
            else System.setProperty("aws.endpointUrl", old);
            trap.stop(0);
        }
    }
}
