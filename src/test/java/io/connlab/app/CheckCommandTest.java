package io.connlab.app;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.fixtures.CommandRun;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import io.connlab.mock.MockEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void saysWhichEndpointFailedAndWhy() throws Exception {
        try (MockBackend mock = MockBackend.start(MockConfig.defaults().withToken("class-token"))) {
            MockEndpoints e = mock.endpoints();
            Path ok = dir.resolve("ok.json");
            Path noToken = dir.resolve("no-token.json");
            EndpointProfile p = new EndpointProfile("class mock", EndpointProfile.Kind.MOCK, e.websocketUrl(), "class-token",
                    e.pollUrl(), e.snsEndpoint(), e.topicArn(), e.region(), e.invokeUrl(), e.connectionsUrl(), e.adminUrl());
            EndpointProfiles.save(ok, p);
            EndpointProfiles.save(noToken, p.withToken(null));
            CommandRun good = CommandRun.of("check", "--profile", ok.toString());
            assertEquals(0, good.exit(), good.out());
            assertTrue(good.out().contains("WebSocket: OK"), good.out());
            CommandRun bad = CommandRun.of("check", "--profile", noToken.toString());
            assertEquals(1, bad.exit(), bad.out());
            assertTrue(bad.out().contains("WebSocket: FAILED - 401 Unauthorized"), bad.out());
            assertTrue(bad.out().contains("Poll: OK"), bad.out());
        }
    }
}
