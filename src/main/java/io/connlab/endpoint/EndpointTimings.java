package io.connlab.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures what an endpoint's timing looks like from here: WebSocket connect time, a message's
 * round trip (sendmessage back to its sender, as the chat protocol broadcasts), a short poll's
 * answer time and a function's cold start (cold invocations minus warm ones). Blocking; a few
 * dozen requests in all, one at a time, so it is gentle on a live stack.
 */
public final class EndpointTimings {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Concurrent first invocations: each lands on a new container when the function is idle. */
    private static final int COLD_BURST = 4;

    /** Median and spread of one measure, in milliseconds. */
    public record Stats(int n, double median, double p10, double p90) {
        static Stats of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) return null;
            return new Stats(v.length, at(v, 0.5), at(v, 0.1), at(v, 0.9));
        }

        private static double at(double[] sorted, double q) {
            return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
        }
    }

    /**
     * What was measured; a null measure could not be taken, and {@code notes} says why.
     *
     * @param coldStartMs the init time cold invocations report, else median cold invocation minus median warm one
     */
    public record Timings(Stats connectMs, Stats roundTripMs, Stats pollMs, Stats warmInvokeMs, Double coldStartMs,
                          List<String> notes) {
    }

    private final Duration timeout;
    private final HttpClient http;

    public EndpointTimings(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public Timings measure(EndpointProfile p, int samples) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        // cold starts first: anything else sent before could warm the function up
        Stats[] invoke = new Stats[2];
        Double cold = null;
        if (p.hasInvoke()) {
            cold = coldStart(p, samples, invoke, notes);
        } else {
            notes.add("no invoke URL: cold start not measured (the mock keeps its default)");
        }
        Stats connect = Stats.of(repeat(samples, () -> connectOnce(p)));
        Stats roundTrip = roundTrips(p, samples);
        Stats poll = null;
        if (p.hasPoll()) {
            URI uri = URI.create(p.pollUrl() + "?wait=0");
            poll = Stats.of(repeat(samples, () -> timedGet(uri)));
        } else {
            notes.add("no poll URL: poll answer time not measured");
        }
        return new Timings(connect, roundTrip, poll, invoke[1], cold, List.copyOf(notes));
    }

    private interface Sample {
        double take() throws IOException, InterruptedException;
    }

    private static List<Double> repeat(int n, Sample s) throws IOException, InterruptedException {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(s.take());
        return out;
    }

    private double connectOnce(EndpointProfile p) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        WebSocket ws = join(http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(p.websocketConnectUri(),
                new WebSocket.Listener() { }), "WebSocket connect");
        double ms = (System.nanoTime() - t0) / 1e6;
        ws.abort();
        return ms;
    }

    private Stats roundTrips(EndpointProfile p, int samples) throws IOException, InterruptedException {
        AtomicReference<CompletableFuture<String>> waiting = new AtomicReference<>(new CompletableFuture<>());
        String nonce = Long.toHexString(System.nanoTime());
        WebSocket ws = join(http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(p.websocketConnectUri(),
                new WebSocket.Listener() {
                    final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            if (message.startsWith("calibrate:" + nonce)) waiting.get().complete(message);
                        }
                        socket.request(1);
                        return null;
                    }
                }), "WebSocket connect");
        try {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String message = "calibrate:" + nonce + ":" + i;
                CompletableFuture<String> back = new CompletableFuture<>();
                waiting.set(back);
                long t0 = System.nanoTime();
                join(ws.sendText("{\"action\":\"sendmessage\",\"data\":\"" + message + "\"}", true), "send");
                while (!message.equals(join(back, "the message's way back"))) {
                    back = new CompletableFuture<>();
                    waiting.set(back);
                }
                times.add((System.nanoTime() - t0) / 1e6);
            }
            return Stats.of(times);
        } finally {
            ws.abort();
        }
    }

    private double timedGet(URI uri) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) throw new IOException(uri + " answered " + r.statusCode());
        return (System.nanoTime() - t0) / 1e6;
    }

    private Double coldStart(EndpointProfile p, int samples, Stats[] invoke, List<String> notes) throws IOException, InterruptedException {
        URI uri = URI.create(p.invokeUrl() + "?mode=unpooled");
        List<CompletableFuture<double[]>> burst = new ArrayList<>();
        for (int i = 0; i < COLD_BURST; i++) burst.add(CompletableFuture.supplyAsync(() -> invokeOnce(uri)));
        List<Double> cold = new ArrayList<>();
        List<Double> reportedInit = new ArrayList<>();
        for (CompletableFuture<double[]> f : burst) {
            double[] r = join(f, "invoke");
            if (r[1] == 1) cold.add(r[0]);
            if (r[1] == 1 && r[2] > 0) reportedInit.add(r[2]);
        }
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            double[] r = invokeOnce(uri);
            if (r[1] == 0) warm.add(r[0]);
        }
        invoke[1] = Stats.of(warm);
        if (cold.isEmpty() || warm.isEmpty()) {
            notes.add("every invocation was " + (cold.isEmpty() ? "warm" : "cold")
                    + ": cold start not measured (calibrate right after deploying, or after 10 idle minutes)");
            return null;
        }
        // the function's own init time when it reports one (the mock and ConnLab's stack do): the
        // round-trip difference also holds the cold connection's set-up and the burst's contention
        if (!reportedInit.isEmpty()) return Stats.of(reportedInit).median();
        return Math.max(0, Stats.of(cold).median() - invoke[1].median());
    }

    /** {round trip ms, 1 if cold else 0, the init ms the answer reports}. */
    private double[] invokeOnce(URI uri) {
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            JsonNode n = JSON.readTree(r.body());
            if (r.statusCode() != 200) throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + n.path("error").asText(r.body()));
            return new double[] {ms, n.path("coldStart").asBoolean() ? 1 : 0, n.path("initMs").asDouble(0)};
        } catch (IOException e) {
            throw new IllegalStateException(uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private <T> T join(CompletionStage<T> stage, String what) throws IOException, InterruptedException {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalStateException ise && ise.getCause() instanceof IOException io) throw io;
            throw new IOException(what + " failed: " + (c == null ? e : c.getMessage()), c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(what + ": no answer within " + timeout.toMillis() * 2 + " ms");
        }
    }
}
