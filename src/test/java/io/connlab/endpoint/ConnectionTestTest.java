package io.connlab.endpoint;

import com.sun.net.httpserver.HttpServer;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import io.connlab.mock.MockEndpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.connlab.endpoint.ConnectionTest.Outcome.FAILED;
import static io.connlab.endpoint.ConnectionTest.Outcome.OK;
import static io.connlab.endpoint.ConnectionTest.Outcome.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Test connection" against the real mock and against servers that fail in each way it must name. */
class ConnectionTestTest {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    final ConnectionTest test = new ConnectionTest(TIMEOUT);
    final List<AutoCloseable> open = new ArrayList<>();
    @TempDir
    Path home;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    MockBackend mock(MockConfig config) throws IOException {
        MockBackend m = MockBackend.start(config);
        open.add(m::close);
        return m;
    }

    static Map<String, ConnectionTest.Check> byEndpoint(List<ConnectionTest.Check> checks) {
        return checks.stream().collect(Collectors.toMap(ConnectionTest.Check::endpoint, Function.identity()));
    }

    static EndpointProfile mockProfile(MockEndpoints e, String token) {
        return new EndpointProfile("mock", EndpointProfile.Kind.MOCK, e.websocketUrl(), token, e.pollUrl(), e.snsEndpoint(),
                e.topicArn(), e.region(), e.invokeUrl(), e.connectionsUrl(), e.adminUrl());
    }

    @Test
    void everyEndpointOfTheMockWorksWithItsToken() throws Exception {
        MockEndpoints e = mock(MockConfig.defaults().withToken("class-token")).endpoints();
        Map<String, ConnectionTest.Check> r = byEndpoint(test.run(mockProfile(e, "class-token")));
        for (String name : List.of("WebSocket", "Poll", "Invoke", "SNS")) assertEquals(OK, r.get(name).outcome(), r.get(name).toString());
        ConnectionTest.Check noToken = byEndpoint(test.run(mockProfile(e, null))).get("WebSocket");
        assertEquals(FAILED, noToken.outcome());
        assertTrue(noToken.detail().startsWith("401"), noToken.toString());
    }

    @Test
    void aWebSocketOnlyLiveProfileShowsTheOtherLanesAsUnavailableNotFailed() throws Exception {
        MockEndpoints e = mock(MockConfig.defaults()).endpoints();
        EndpointProfile chatSample = new EndpointProfile("chat sample", EndpointProfile.Kind.LIVE, e.websocketUrl(), null,
                null, null, null, "eu-west-1", null, null, null, "lab", null);
        try (var files = new AwsConfigFiles(home, AwsConfigFiles.CONFIG, AwsConfigFiles.CREDENTIALS)) {
            Map<String, ConnectionTest.Check> r = byEndpoint(test.run(chatSample));
            assertEquals(OK, r.get("WebSocket").outcome());
            assertEquals(OK, r.get("Credentials").outcome(), r.get("Credentials").toString());
            for (String name : List.of("Poll", "Invoke", "SNS")) assertEquals(UNAVAILABLE, r.get(name).outcome());
            assertEquals(EndpointProfile.PUBLISH_WEBSOCKET, chatSample.publishPath());
        }
    }

    @Test
    void missingCredentialsAreNamedAndSnsIsNotTried() throws Exception {
        MockEndpoints e = mock(MockConfig.defaults()).endpoints();
        EndpointProfile live = new EndpointProfile("live", EndpointProfile.Kind.LIVE, e.websocketUrl(), null, e.pollUrl(),
                e.snsEndpoint(), e.topicArn(), e.region(), null, null, null, "lab-sso", null);
        try (var files = new AwsConfigFiles(home, AwsConfigFiles.CONFIG, AwsConfigFiles.CREDENTIALS)) {
            Map<String, ConnectionTest.Check> r = byEndpoint(test.run(live));
            assertEquals(FAILED, r.get("Credentials").outcome());
            assertTrue(r.get("Credentials").detail().contains("aws sso login --profile lab-sso"), r.get("Credentials").toString());
            assertTrue(r.get("SNS").detail().contains("no credentials"), r.get("SNS").toString());
            assertEquals(OK, r.get("Poll").outcome());
        }
    }

    @Test
    void dnsFailureIsNamed() {
        EndpointProfile p = new EndpointProfile("gone", EndpointProfile.Kind.MOCK, "ws://no-such-stack.invalid/live", null,
                "http://no-such-stack.invalid/live/poll", null, null, "eu-west-1", null, null, null);
        Map<String, ConnectionTest.Check> r = byEndpoint(test.run(p));
        assertTrue(r.get("WebSocket").detail().startsWith("DNS"), r.get("WebSocket").toString());
        assertTrue(r.get("Poll").detail().startsWith("DNS"), r.get("Poll").toString());
    }

    @Test
    void tlsFailureAndTimeoutAreNamed() throws Exception {
        // a plain-text server where TLS is expected, and one that accepts and never answers
        ServerSocket plain = server(s -> {
            OutputStream o = s.getOutputStream();
            o.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.flush();
        });
        ServerSocket silent = server(s -> { });
        EndpointProfile p = new EndpointProfile("odd", EndpointProfile.Kind.MOCK, "wss://127.0.0.1:" + plain.getLocalPort() + "/live",
                null, "http://127.0.0.1:" + silent.getLocalPort() + "/live/poll", null, null, "eu-west-1", null, null, null);
        Map<String, ConnectionTest.Check> r = byEndpoint(test.run(p));
        assertTrue(r.get("WebSocket").detail().startsWith("TLS"), r.get("WebSocket").toString());
        assertTrue(r.get("Poll").detail().startsWith("timeout"), r.get("Poll").toString());
    }

    @Test
    void statusesAreExplained() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/live/poll", ex -> { ex.sendResponseHeaders(410, -1); ex.close(); });
        http.createContext("/live/invoke", ex -> { ex.sendResponseHeaders(403, -1); ex.close(); });
        http.start();
        open.add(() -> http.stop(0));
        MockEndpoints e = mock(MockConfig.defaults()).endpoints();
        String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/live";
        EndpointProfile p = new EndpointProfile("odd", EndpointProfile.Kind.MOCK, e.websocketUrl(), null, base + "/poll", null,
                null, "us-east-1", base + "/invoke", null, null);
        Map<String, ConnectionTest.Check> r = byEndpoint(test.run(p));
        assertTrue(r.get("Poll").detail().startsWith("410 Gone"), r.get("Poll").toString());
        assertTrue(r.get("Invoke").detail().startsWith("403 Forbidden"), r.get("Invoke").toString());
    }

    @Test
    void snsRefusalsAreToldApartFromAPolicyThatOnlyForbidsListing() throws Exception {
        MockEndpoints e = mock(MockConfig.defaults()).endpoints();
        String[] code = {"AuthorizationError"};
        HttpServer sns = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sns.createContext("/", ex -> {
            byte[] body = ("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>"
                    + code[0] + "</Code><Message>not allowed here</Message></Error><RequestId>r1</RequestId></ErrorResponse>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "text/xml");
            ex.sendResponseHeaders(403, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        sns.start();
        open.add(() -> sns.stop(0));
        EndpointProfile live = new EndpointProfile("live", EndpointProfile.Kind.LIVE, e.websocketUrl(), null, null,
                "http://127.0.0.1:" + sns.getAddress().getPort() + "/", e.topicArn(), "us-east-1", null, null, null, "lab", null);
        try (var files = new AwsConfigFiles(home, AwsConfigFiles.CONFIG, AwsConfigFiles.CREDENTIALS)) {
            ConnectionTest.Check listingDenied = test.sns(live);
            assertEquals(OK, listingDenied.outcome(), listingDenied.toString());
            assertTrue(listingDenied.detail().contains("not confirmed"), listingDenied.toString());
            code[0] = "InvalidClientTokenId";
            ConnectionTest.Check badKeys = test.sns(live);
            assertEquals(FAILED, badKeys.outcome());
            assertTrue(badKeys.detail().startsWith("403 Forbidden") && badKeys.detail().contains("InvalidClientTokenId"),
                    badKeys.toString());
        }
    }

    interface Answer {
        void on(Socket s) throws IOException;
    }

    ServerSocket server(Answer answer) throws IOException {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new ArrayList<>();
        open.add(() -> {
            ss.close();
            synchronized (accepted) {
                for (Socket s : accepted) s.close();
            }
        });
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket s = ss.accept();
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                    answer.on(s);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "connection-test-server");
        t.setDaemon(true);
        t.start();
        return ss;
    }
}
