package io.connlab.mock.sns;

import io.connlab.mock.http.TestHttp;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The SNS API on the mock's real HTTP server at "/", with the real AWS SDK client and a raw java.net.http client. */
final class SnsServer implements AutoCloseable {
    static final String DEFAULT_ARN = "arn:aws:sns:us-east-1:000000000000:connlab";

    final SnsApi api;
    final TestHttp server;
    final SnsClient sns;
    final HttpClient http;
    /** What the default topic's subscriber got, in order: filled only on a server from {@link #recording()}. */
    final List<String> received = new CopyOnWriteArrayList<>();

    /** A server for each test: {@code @AutoClose private final SnsServer s = SnsServer.start();} */
    static SnsServer start() {
        try {
            return new SnsServer();
        } catch (IOException e) {
            throw new UncheckedIOException("the SNS server did not start", e);
        }
    }

    /** As {@link #start()}, with one subscriber on the default topic that records into {@link #received}. */
    static SnsServer recording() {
        SnsServer s = start();
        s.api.subscribe(DEFAULT_ARN, s.received::add);
        return s;
    }

    SnsServer() throws IOException {
        this(new SnsApi(DEFAULT_ARN));
    }

    SnsServer(SnsApi api) throws IOException {
        this.api = api;
        server = TestHttp.serve("/", api);
        sns = SnsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    HttpResponse<String> post(String form) throws Exception {
        return send(HttpRequest.newBuilder(endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> send(HttpRequest.Builder req) throws Exception {
        return http.send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        sns.close();
        server.close();
    }
}
