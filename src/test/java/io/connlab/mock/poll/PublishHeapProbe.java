package io.connlab.mock.poll;

import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Measures what the mock's heap keeps per published message: starts a real mock backend,
 * publishes {@code N} messages of {@code SIZE} characters through the SNS Query API, and
 * reports the heap in use after a full GC, per message. Not a test (it measures, it does not
 * judge); docs/PERFORMANCE.md gives the command. Uses only the backend's public contract, so
 * the same probe runs against an older build for a before/after comparison.
 *
 * <pre>java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) io.connlab.mock.poll.PublishHeapProbe 200 262144 control</pre>
 */
public final class PublishHeapProbe {
    private PublishHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 262_144;
        String kind = args.length > 2 ? args[2] : "control";
        String message = (kind.equals("control") ? "\u0001" : "a").repeat(size);
        String body = "Action=Publish&TopicArn=" + URLEncoder.encode(MockConfig.DEFAULT_TOPIC_ARN, StandardCharsets.UTF_8)
                + "&Message=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        try (MockBackend backend = MockBackend.start(MockConfig.defaults())) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest publish = HttpRequest.newBuilder(URI.create(backend.endpoints().snsEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            client.send(publish, HttpResponse.BodyHandlers.discarding()); // warm up every class on the path
            long before = usedAfterGc();
            int ok = 0;
            for (int i = 0; i < n; i++) {
                if (client.send(publish, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) ok++;
            }
            long after = usedAfterGc();
            System.out.printf("published %d/%d messages of %d %s characters: heap +%.1f MB, %.0f KB per message%n",
                    ok, n, size, kind, (after - before) / 1e6, (after - before) / 1e3 / n);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
