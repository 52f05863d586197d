package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.Technique;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lesson 2's heartbeat card failed in the window and held in {@code bench}: the window fits its
 * settings to the backend, and fitting rebuilt them without the heartbeat (the 5-minute default
 * came back, and at a time scale of 120 the gateway closed the clients as idle). Fitting may
 * change only the lanes and the publish path.
 */
class FittingKeptTheHeartbeatTest {

    @Test
    void fittingChangesOnlyTheLanesAndThePublishPath() {
        EndpointProfile chatSample = new EndpointProfile("chat", EndpointProfile.Kind.LIVE, "wss://a.execute-api.eu-west-1.amazonaws.com/live",
                null, null, null, null, "eu-west-1", null, null, null, null, EndpointProfile.PUBLISH_WEBSOCKET);
        RunSettings asked = new RunSettings(2, 300, Duration.ofSeconds(8), 2, EnumSet.of(Technique.WEBSOCKET, Technique.LONG_POLL),
                PublishPath.SNS, Duration.ofMillis(700), Duration.ofSeconds(7), Duration.ofSeconds(2));

        RunSettings run = RunForProfile.fit(asked, chatSample, false, false).settings();

        assertEquals(Set.of(Technique.WEBSOCKET), run.lanes(), "the stack has no poll endpoint");
        assertEquals(PublishPath.WEBSOCKET, run.publish(), "as the profile says");
        assertEquals(asked.withLanes(run.lanes()).withPublish(run.publish()), run, "every other field as asked");
        assertEquals(Duration.ofSeconds(2), run.heartbeatInterval());
    }
}
