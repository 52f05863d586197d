package io.connlab.mock;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.LiveBackend.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A long-poll client that vanishes while held (its socket closed) breaks nothing for the others. */
class MockBackendVanishingPollerTest {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();

    /**
     * @param reset true: the client's socket is reset (RST), as a killed process's may be; false: closed (FIN),
     *              which the edge passes on as a half-close the held request never reads
     */
    @ParameterizedTest(name = "reset={0}")
    @ValueSource(booleans = {false, true})
    void aPublishAfterAPollerVanishedAnswersTheOthersAndReleasesEveryHold(boolean reset) throws Exception {
        Socket gone = b.rawPoll("?cursor=0&wait=20");
        CompletableFuture<HttpResponse<String>> one = b.pollAsync("?cursor=0&wait=20");
        CompletableFuture<HttpResponse<String>> two = b.pollAsync("?cursor=0&wait=20");
        b.awaitStatus("heldPolls", 3);
        int port = gone.getLocalPort();
        if (reset) gone.setSoLinger(true, 0);
        gone.close();
        if (reset) {
            await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.httpServer().connections().stream()
                    .noneMatch(c -> c.client().getPort() == port));
        }

        b.publish("after the vanishing");

        for (CompletableFuture<HttpResponse<String>> poll : List.of(one, two)) {
            HttpResponse<String> r = poll.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals("after the vanishing", json(r).get("messages").get(0).get("data").asText());
        }
        b.awaitStatus("heldPolls", 0);
        assertEquals(1, json(b.poll("?cursor=0&wait=5")).get("cursor").asLong(), "still serving");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.httpServer().connections().stream()
                .noneMatch(c -> c.client().getPort() == port));
    }
}
