package io.connlab.mock.http;

import io.connlab.mock.edge.NetworkConditions;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regression: under an added RTT with jitter, short polls failed with "io" ("invalid version
 * format: {...body...}HTTP/1.1") and their messages never arrived. The HTTP codec writes an
 * answer as two buffers, head then body; the delay handler gave each its own timer, and when
 * the body's random delay was the shorter both were due at the same instant, so the event
 * loop's clock (read a moment after ours, for each timer) could order the body first. The
 * client then read the body where a status line belongs. The delay handler now keeps each
 * direction in a queue, and every timer sends the oldest buffer waiting.
 */
class DelayedAnswerBodyOvertookItsHeadTest {
    private static final String BODY = "{\"cursor\":1,\"messages\":[\"" + "x".repeat(200) + "\"]}";

    @Test
    void everyAnswerUnderJitterArrivesHeadFirstAndWhole() throws Exception {
        HttpHandler answer = ex -> HttpIo.send(ex, 200, "application/json", BODY.getBytes(StandardCharsets.UTF_8));
        int clients = 8;
        int requestsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (TestHttp http = TestHttp.serve("/poll", answer, new NetworkConditions(20, 20))) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < clients; i++) runs.add(pool.submit(() -> askInTurn(http.port(), requestsEach)));
            for (Future<Integer> run : runs) assertEquals(requestsEach, run.get(), "answers read whole, in order");
        } finally {
            pool.shutdownNow();
        }
    }

    /** One kept-alive connection, one request at a time; returns how many answers were read whole. */
    private static int askInTurn(int port, int requests) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            byte[] request = ("GET /poll HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < requests; i++) {
                out.write(request);
                out.flush();
                String status = line(in);
                assertEquals("HTTP/1.1 200 OK", status, "answer " + i + " begins with its status line");
                int length = -1;
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    if (h.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
                }
                assertEquals(BODY, new String(in.readNBytes(length), StandardCharsets.UTF_8), "answer " + i + "'s body");
            }
            return requests;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("the server closed the connection");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
