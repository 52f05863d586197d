package io.connlab.mock.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.TimeScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.poll.PollServer.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollApiTest {
    private PollServer s;

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    private static List<Long> seqs(JsonNode answer) {
        List<Long> out = new ArrayList<>();
        answer.get("messages").forEach(m -> out.add(m.get("seq").asLong()));
        return out;
    }

    @Test
    void answersAtOnceWithTheMessagesAfterTheCursor() throws Exception {
        s = new PollServer();
        s.store.append("one");
        s.store.append("two");
        s.store.append("three");
        HttpResponse<String> r = s.poll("?cursor=1&wait=20");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode a = json(r);
        assertEquals(3, a.get("cursor").asLong());
        assertEquals(List.of(2L, 3L), seqs(a));
        assertEquals("two", a.get("messages").get(0).get("data").asText());
        assertTrue(a.get("messages").get(0).get("publishedAt").asLong() > 0);
        assertFalse(a.get("gap").asBoolean());
        assertEquals(0, s.api.heldPolls());
    }

    @Test
    void aHeldPollIsAnsweredByTheNextAppend() throws Exception {
        s = new PollServer();
        CompletableFuture<HttpResponse<String>> held = s.pollAsync("?cursor=0&wait=20");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 1);
        assertFalse(held.isDone());
        s.store.append("hello");
        JsonNode a = json(held.get(10, TimeUnit.SECONDS));
        assertEquals(1, a.get("cursor").asLong());
        assertEquals("hello", a.get("messages").get(0).get("data").asText());
        assertEquals(0, s.api.heldPolls());
    }

    @Test
    void withoutACursorANewSubscriberWaitsForTheNextMessage() throws Exception {
        s = new PollServer();
        s.store.append("old");
        s.store.append("older");
        CompletableFuture<HttpResponse<String>> held = s.pollAsync("?wait=20");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 1);
        s.store.append("new");
        JsonNode a = json(held.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(3L), seqs(a));
    }

    @Test
    void pollsWithDifferentCursorsEachGetTheirOwnMessages() throws Exception {
        s = new PollServer();
        s.store.append("a");
        CompletableFuture<HttpResponse<String>> fromOne = s.pollAsync("?cursor=1&wait=20");
        CompletableFuture<HttpResponse<String>> fromNow = s.pollAsync("?wait=20");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 2);
        s.store.append("b");
        assertEquals(List.of(2L), seqs(json(fromOne.get(10, TimeUnit.SECONDS))));
        assertEquals(List.of(2L), seqs(json(fromNow.get(10, TimeUnit.SECONDS))));
        assertEquals(List.of(1L, 2L), seqs(json(s.poll("?cursor=0&wait=5"))));
    }

    @Test
    void aWaitWithNoMessageEndsWithAnEmptyList() throws Exception {
        s = new PollServer();
        s.store.append("before");
        long start = System.nanoTime();
        HttpResponse<String> r = s.poll("?cursor=1&wait=0.3");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, r.statusCode());
        JsonNode a = json(r);
        assertEquals(1, a.get("cursor").asLong());
        assertEquals(0, a.get("messages").size());
        assertFalse(a.get("gap").asBoolean());
        assertTrue(tookMs >= 300, "held for the wait, took " + tookMs + " ms");
        assertEquals(0, s.api.heldPolls());
    }

    @Test
    void aShortPollAnswersAtOnceEmptyOrNot() throws Exception {
        s = new PollServer();
        JsonNode empty = json(s.poll("?cursor=0&wait=0"));
        assertEquals(0, empty.get("cursor").asLong());
        assertEquals(0, empty.get("messages").size());
        assertEquals(0, s.api.heldPolls());
        s.store.append("x");
        assertEquals(List.of(1L), seqs(json(s.poll("?cursor=0&wait=0"))));
        assertEquals(0, json(s.poll("?wait=0")).get("messages").size(), "no cursor: from now, nothing yet");
        assertEquals(1, json(s.poll("")).get("cursor").asLong(), "no wait means a short poll");
    }

    @Test
    void aCursorOlderThanTheWindowGetsWhatIsLeftWithAGap() throws Exception {
        s = new PollServer(5, TimeScale.REAL);
        for (int i = 1; i <= 8; i++) s.store.append("m" + i);
        JsonNode a = json(s.poll("?cursor=1&wait=20"));
        assertTrue(a.get("gap").asBoolean());
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), seqs(a));
        assertEquals(8, a.get("cursor").asLong());
        assertFalse(json(s.poll("?cursor=3&wait=0")).get("gap").asBoolean());
    }

    @Test
    void aCursorAheadOfTheNewestAnswersAtOnceWithAGap() throws Exception {
        s = new PollServer();
        s.store.append("only");
        JsonNode a = json(s.poll("?cursor=500&wait=20"));
        assertTrue(a.get("gap").asBoolean());
        assertEquals(1, a.get("cursor").asLong());
        assertEquals(0, a.get("messages").size());
        assertEquals(0, s.api.heldPolls());
    }

    @Test
    void answersAtMostAThousandMessagesAndTheCursorContinues() throws Exception {
        s = new PollServer();
        for (int i = 0; i < 1500; i++) s.store.append("m");
        JsonNode first = json(s.poll("?cursor=0"));
        assertEquals(1000, first.get("messages").size());
        assertEquals(1000, first.get("cursor").asLong());
        JsonNode rest = json(s.poll("?cursor=1000"));
        assertEquals(500, rest.get("messages").size());
        assertEquals(1500, rest.get("cursor").asLong());
    }

    @Test
    void badParametersGet400NamingTheParameter() throws Exception {
        s = new PollServer();
        String[][] cases = {
                {"?cursor=abc", "cursor"}, {"?cursor=-1", "cursor"}, {"?cursor=1.5", "cursor"},
                {"?cursor=", "cursor"}, {"?cursor=99999999999999999999", "cursor"},
                {"?wait=soon", "wait"}, {"?wait=-1", "wait"}, {"?wait=NaN", "wait"},
                {"?wait=Infinity", "wait"}, {"?wait=901", "wait"}, {"?wait=1e2", "wait"},
                {"?wait=", "wait"}, {"?cursor=0&wait=0x10", "wait"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = s.poll(c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            assertTrue(json(r).get("message").asText().contains("'" + c[1] + "'"), c[0] + " -> " + r.body());
        }
        s.store.append("still here");
        assertEquals(List.of(1L), seqs(json(s.poll("?cursor=0&wait=900&color=blue"))), "unknown parameters are ignored");
        assertEquals(0, s.api.heldPolls());
    }

    @Test
    void otherMethodsGet405AndOtherPaths404() throws Exception {
        s = new PollServer();
        HttpResponse<String> post = s.send(HttpRequest.newBuilder(s.uri("/dev/poll?cursor=0"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        assertTrue(json(post).get("message").asText().contains("POST"));
        HttpResponse<String> other = s.send(HttpRequest.newBuilder(s.uri("/dev/poll/extra")).GET());
        assertEquals(404, other.statusCode());
        assertEquals("Not Found", json(other).get("message").asText());
        assertEquals(200, s.poll("?wait=0").statusCode());
    }

    @Test
    void aWaitPastTheIntegrationTimeoutIsCutOffWith504() throws Exception {
        s = new PollServer(100, new TimeScale(60)); // an HTTP API's 30 s / 60 = 500 ms
        assertEquals(500, s.api.integrationTimeoutMillis());
        long start = System.nanoTime();
        HttpResponse<String> r = s.poll("?cursor=0&wait=20");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(504, r.statusCode());
        assertEquals("Endpoint request timed out", json(r).get("message").asText());
        assertTrue(tookMs >= 500, "cut off at the integration timeout, took " + tookMs + " ms");
        assertEquals(200, s.poll("?cursor=0&wait=0.1").statusCode(), "a wait under the timeout ends normally");

        CompletableFuture<HttpResponse<String>> saved = s.pollAsync("?cursor=0&wait=20");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 1);
        s.store.append("in time");
        assertEquals(200, saved.get(10, TimeUnit.SECONDS).statusCode(), "a message before the cut-off wins");
    }

    @Test
    void closeAnswersEveryHeldPoll() throws Exception {
        s = new PollServer();
        s.store.append("a");
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) held.add(s.pollAsync("?cursor=1&wait=60"));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 3);
        s.api.close();
        for (CompletableFuture<HttpResponse<String>> f : held) {
            HttpResponse<String> r = f.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals(1, json(r).get("cursor").asLong());
            assertEquals(0, json(r).get("messages").size());
        }
        assertEquals(0, s.api.heldPolls());
        s.api.close(); // idempotent
        assertEquals(0, json(s.poll("?cursor=1&wait=60")).get("messages").size(), "after close, answered at once");
    }
}
