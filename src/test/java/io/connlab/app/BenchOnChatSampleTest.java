package io.connlab.app;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.fixtures.CommandRun;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A profile with only a WebSocket URL, as the unmodified simple-websockets-chat-app gives: bench
 * runs the WebSocket lane, publishing over the WebSocket, and names the other lanes unavailable.
 */
class BenchOnChatSampleTest {
    @TempDir
    Path dir;

    /** The profile the chat sample's stack gives: a WebSocket URL and a region, nothing else. */
    private Path chatSampleProfile(MockBackend mock) {
        Path chat = dir.resolve("chat.json");
        EndpointProfiles.save(chat, new EndpointProfile("chat sample", EndpointProfile.Kind.LIVE,
                mock.endpoints().websocketUrl(), null, null, null, null, "eu-west-1", null, null, null));
        return chat;
    }

    @Test
    void aWebSocketOnlyProfileRunsItsLaneAndCallsTheOthersUnavailable() throws Exception {
        try (MockBackend mock = MockBackend.start(MockConfig.defaults())) {
            Path chat = chatSampleProfile(mock);
            CommandRun o = CommandRun.of("bench", "--profile", chat.toString(), "--duration", "2s",
                    "--clients", "2", "--rate", "10", "--quiet");
            assertEquals(0, o.exit(), o.err() + o.out());
            assertTrue(o.err().contains("Long poll unavailable: the backend 'chat sample' has no poll URL"), o.err());
            assertTrue(o.err().contains("publishing over the WebSocket, as the profile says"), o.err());
            assertTrue(o.out().contains("WebSocket") && !o.out().contains("Long poll"), o.out());
            assertTrue(o.err().contains("Live run on chat sample: about $0.0"), o.err());
        }
    }

    @Test
    void aLiveRunForecastAboveTheThresholdNeedsYes() throws Exception {
        try (MockBackend mock = MockBackend.start(MockConfig.defaults())) {
            Path chat = chatSampleProfile(mock);
            CommandRun o = CommandRun.of("bench", "--profile", chat.toString(), "--rate", "1000",
                    "--duration", "10m", "--clients", "100");
            assertEquals(2, o.exit(), o.err());
            assertTrue(o.err().contains("That is above $0.05: add --yes"), o.err());
            assertTrue(!o.out().contains("delivered"), "nothing ran: " + o.out());
        }
    }

    @Test
    void lanesChosenExplicitlyStillFailWithTheReason() throws Exception {
        try (MockBackend mock = MockBackend.start(MockConfig.defaults())) {
            Path chat = chatSampleProfile(mock);
            CommandRun o = CommandRun.of("bench", "--profile", chat.toString(), "--lanes", "long-poll",
                    "--duration", "1s");
            assertEquals(2, o.exit());
            assertTrue(o.err().contains("has no poll URL"), o.err());
        }
    }
}
