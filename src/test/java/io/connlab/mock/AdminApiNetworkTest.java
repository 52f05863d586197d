package io.connlab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static io.connlab.mock.LiveBackend.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PUT /_connlab/network}: run-time RTT and jitter, applied at the socket edge; bad bodies get 400. */
class AdminApiNetworkTest {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();

    @Test
    void anAddedRoundTripTimeSlowsEveryPollRoundTrip() throws Exception {
        HttpResponse<String> set = b.admin("PUT", "network", "{\"rttMs\":200}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(200, json(set).get("rttMs").asInt());
        assertEquals(0, json(set).get("jitterMs").asInt());
        assertEquals(200, b.backend.network().rttMillis());

        long start = System.nanoTime();
        HttpResponse<String> poll = b.poll("?cursor=0&wait=0");
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(200, poll.statusCode());
        assertTrue(tookMs >= 200, "a short poll took " + tookMs + " ms with 200 ms RTT");
        JsonNode now = json(b.admin("GET", "network", null));
        assertEquals(200, now.get("rttMs").asInt());
    }

    @Test
    void jitterAloneKeepsTheRoundTripTime() throws Exception {
        b.admin("PUT", "network", "{\"rttMs\":30}");
        HttpResponse<String> r = b.admin("PUT", "network", "{\"jitterMs\":10}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(30, json(r).get("rttMs").asInt());
        assertEquals(10, b.backend.network().jitterMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "[]", "\"rttMs\"", "{\"rttMs\":-1}", "{\"rttMs\":70000}",
            "{\"rttMs\":1.5}", "{\"rttMs\":\"200\"}", "{\"rttMs\":3000000000}", "{\"jitterMs\":-5}",
            "{\"rttMs\":true}", "{\"rttMs\":"})
    void aBadBodyGets400WithAMessageAndChangesNothing(String body) throws Exception {
        b.admin("PUT", "network", "{\"rttMs\":20,\"jitterMs\":4}");

        HttpResponse<String> r = b.admin("PUT", "network", body);

        assertEquals(400, r.statusCode(), body + " -> " + r.body());
        String message = json(r).get("message").asText();
        assertFalse(message.isBlank(), r.body());
        assertEquals(20, b.backend.network().rttMillis(), "unchanged after " + body);
        assertEquals(4, b.backend.network().jitterMillis(), "unchanged after " + body);
        assertEquals(200, b.poll("?wait=0").statusCode(), "still serving");
    }

    @Test
    void aBadBodysMessageSaysWhatIsAllowed() throws Exception {
        assertTrue(json(b.admin("PUT", "network", "{\"rttMs\":70000}")).get("message").asText().contains("60000"));
        assertTrue(json(b.admin("PUT", "network", "{\"rttMs\":-1}")).get("message").asText().contains("0..60000"));
        assertTrue(json(b.admin("PUT", "network", "not json")).get("message").asText().contains("rttMs"));
    }

    @Test
    void anOversizedBodyGets413() throws Exception {
        HttpResponse<String> r = b.admin("PUT", "network", "{\"rttMs\":1,\"pad\":\"" + "x".repeat(10_000) + "\"}");
        assertEquals(413, r.statusCode(), r.body());
        assertEquals(0, b.status().get("network").get("rttMs").asInt(), "unchanged; still serving");
    }
}
