package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A live stack's WebSocket lane opens at most 100 connections a second, a fifth of the account's limit. */
class LiveConnectRateTest {
    @Test
    void liveProfilesRampSlowerThanTheMock() {
        EndpointProfile live = new EndpointProfile("live", EndpointProfile.Kind.LIVE, "wss://a.execute-api.eu-west-1.amazonaws.com/live",
                null, null, null, null, "eu-west-1", null, null, null);
        EndpointProfile mock = new EndpointProfile("mock", EndpointProfile.Kind.MOCK, "ws://127.0.0.1:1/dev",
                null, null, null, null, "us-east-1", null, null, null);
        assertEquals(100, Lanes.webSocketSettings(live, "r", 500).connectsPerSecond());
        assertEquals(400, Lanes.webSocketSettings(mock, "r", 500).connectsPerSecond());
    }
}
