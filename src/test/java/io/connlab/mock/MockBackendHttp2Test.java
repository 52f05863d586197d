package io.connlab.mock;

import io.connlab.app.bench.H2cClient;
import io.connlab.mock.http.HttpIo;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.LiveBackend.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Held polls over HTTP/2 in clear text on the mock's HTTP port, from Netty's HTTP/2 client (prior
 * knowledge) and the JDK's ({@code Upgrade: h2c}): the same answers as over HTTP/1.1.
 */
class MockBackendHttp2Test {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();

    private H2cClient h2(int connections) throws Exception {
        URI poll = URI.create(b.endpoints.pollUrl());
        return new H2cClient(poll.getHost(), poll.getPort(), connections);
    }

    private String pollPath() {
        return URI.create(b.endpoints.pollUrl()).getRawPath();
    }

    @Test
    void manyHeldPollsOnOneConnectionAreAllAnsweredByOnePublish() throws Exception {
        try (H2cClient c = h2(1)) {
            List<H2cClient.Request> polls = new ArrayList<>();
            for (int i = 0; i < 300; i++) polls.add(c.get(pollPath() + "?cursor=0&wait=20"));
            b.awaitStatus("heldPolls", 300);
            b.publish("to every stream");
            for (H2cClient.Request p : polls) {
                H2cClient.Answer a = p.answer().get(10, TimeUnit.SECONDS);
                assertEquals(200, a.status());
                assertEquals("to every stream", HttpIo.JSON.readTree(a.body()).get("messages").get(0).get("data").asText());
            }
            b.awaitStatus("heldPolls", 0);
        }
    }

    @Test
    void aResetStreamLetsGoOfItsPollAtOnce() throws Exception {
        try (H2cClient c = h2(1)) {
            H2cClient.Request kept = c.get(pollPath() + "?cursor=0&wait=20");
            H2cClient.Request gone = c.get(pollPath() + "?cursor=0&wait=20");
            b.awaitStatus("heldPolls", 2);
            gone.reset();
            b.awaitStatus("heldPolls", 1);
            b.publish("after the reset");
            assertEquals(200, kept.answer().get(10, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void aClosedConnectionLetsGoOfAllItsPolls() throws Exception {
        H2cClient c = h2(1);
        for (int i = 0; i < 20; i++) c.get(pollPath() + "?cursor=0&wait=20");
        b.awaitStatus("heldPolls", 20);
        c.close();
        b.awaitStatus("heldPolls", 0);
    }

    @Test
    void anSnsPublishAndAnAdminCallOverHttp2GetTheirHttp11Answers() throws Exception {
        try (H2cClient c = h2(1)) {
            String form = "Action=Publish&TopicArn=" + java.net.URLEncoder.encode(b.endpoints.topicArn(), "UTF-8")
                    + "&Message=sent+over+h2c";
            H2cClient.Answer published = c.send("POST", "/", "application/x-www-form-urlencoded",
                    form.getBytes(java.nio.charset.StandardCharsets.UTF_8)).answer().get(10, TimeUnit.SECONDS);
            assertEquals(200, published.status(), published.body());
            assertTrue(published.body().contains("<MessageId>"), published.body());
            assertEquals("sent over h2c", json(b.poll("?cursor=0&wait=0")).get("messages").get(0).get("data").asText());
            H2cClient.Answer refused = c.send("POST", "/_connlab/drop", "application/x-www-form-urlencoded", new byte[0])
                    .answer().get(10, TimeUnit.SECONDS);
            assertEquals(403, refused.status(), "the admin API's preflight rule, as over HTTP/1.1: " + refused.body());
        }
    }

    @Test
    void theJdkClientUpgradesWithH2cAndPollsOverHttp2() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).executor(threads).build();
        try {
            HttpResponse<String> first = jdk.send(LiveBackend.request(b.endpoints.pollUrl() + "?cursor=0&wait=0").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, first.version(), "upgraded on its first request");
            assertEquals(200, first.statusCode());
            var held = jdk.sendAsync(LiveBackend.request(b.endpoints.pollUrl() + "?cursor=0&wait=20").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            b.awaitStatus("heldPolls", 1);
            b.publish("over h2c");
            HttpResponse<String> answer = held.get(10, TimeUnit.SECONDS);
            assertEquals(HttpClient.Version.HTTP_2, answer.version());
            assertEquals("over h2c", json(answer).get("messages").get(0).get("data").asText());
        } finally {
            threads.shutdownNow(); // (HttpClient has no close on Java 17)
        }
    }
}
