package io.connlab.mock.poll;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.connlab.mock.poll.PollServer.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many held polls, and clients that vanish while held. */
class PollApiLoadTest {
    private PollServer s;

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    @Test
    void aClientVanishingMidPollIsReleasedAtOnceAndBreaksNothing() throws Exception {
        s = new PollServer();
        try (Socket gone = new Socket("127.0.0.1", s.port())) {
            OutputStream out = gone.getOutputStream();
            out.write(("GET /dev/poll?cursor=0&wait=30 HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 1);
        }
        // issue 8, 5b: the server notices the client went away and lets go of its poll (and socket) long before its 30 s wait
        await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 0 && s.server.server.openConnections() == 0);
        CompletableFuture<HttpResponse<String>> other = s.pollAsync("?cursor=0&wait=30");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 1);
        s.store.append("first");
        assertEquals("first", json(other.get(10, TimeUnit.SECONDS)).get("messages").get(0).get("data").asText());
        assertEquals(0, s.api.heldPolls());
        s.store.append("second");
        assertEquals(2, json(s.poll("?cursor=1&wait=5")).get("cursor").asLong());
    }

    @Test
    void aRawClientHeldBesideOthersGetsItsOwnAnswer() throws Exception {
        s = new PollServer();
        try (Socket slow = new Socket("127.0.0.1", s.port())) {
            slow.getOutputStream().write(("GET /dev/poll?cursor=0&wait=30 HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 1);
            CompletableFuture<HttpResponse<String>> other = s.pollAsync("?cursor=0&wait=30");
            await().atMost(Duration.ofSeconds(10)).until(() -> s.api.heldPolls() == 2);
            s.store.append("x");
            assertEquals(200, other.get(10, TimeUnit.SECONDS).statusCode());
            InputStream in = slow.getInputStream();
            String head = new String(in.readNBytes(15), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200 OK", head);
        }
    }

    @Test
    void twoThousandHeldPollsAreAnsweredByOneAppend() throws Exception {
        s = new PollServer();
        int n = 2000;
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) polls.add(s.pollAsync("?cursor=0&wait=60"));
        await().atMost(Duration.ofSeconds(60)).until(() -> s.api.heldPolls() == n);
        s.store.append("everyone");
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> f : polls) {
            JsonNode a = json(f.get());
            assertEquals(1, a.get("cursor").asLong());
            assertEquals("everyone", a.get("messages").get(0).get("data").asText());
        }
        assertEquals(0, s.api.heldPolls());
    }
}
