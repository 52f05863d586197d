package io.connlab.mock.sns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8, item 7: SNS kept invalid %-escapes raw and silently replaced invalid UTF-8 with
 * U+FFFD, publishing a message nobody sent. Now both get a 400 and nothing is published.
 */
class SnsQueryStrictnessTest {
    private static final String PUBLISH = "Action=Publish&TopicArn=" + SnsServer.DEFAULT_ARN.replace(":", "%3A") + "&Message=";
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private SnsServer s;

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    private void start() throws Exception {
        s = new SnsServer();
        s.api.subscribe(SnsServer.DEFAULT_ARN, delivered::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100%zz", "ends with %4", "ends with %", "%G1", "%C3%28", "%ED%A0%80", "%FF", "%E4%B8"})
    void aBadEscapeOrBadUtf8IsRefusedAndNothingIsPublished(String message) throws Exception {
        start();
        HttpResponse<String> r = s.post(PUBLISH + message);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Code>InvalidQueryParameter</Code>"), r.body());
        assertTrue(r.body().contains("the value of Message"), "names the parameter: " + r.body());
        assertEquals(0, s.api.published());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void rawBytesThatAreNotUtf8AreRefusedToo() throws Exception {
        start();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(PUBLISH.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[]{'a', (byte) 0xC3, '(', 'b'});
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(s.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("not valid UTF-8"), r.body());
        assertEquals(0, s.api.published());
    }

    @Test
    void aBadEscapeInTheUrlQueryOrInANameIsRefused() throws Exception {
        start();
        String inQuery = rawGet("/?Action=ListTopics&NextToken=%FF%FE");
        assertTrue(inQuery.startsWith("HTTP/1.1 400"), inQuery);
        assertTrue(inQuery.contains("the value of NextToken"), inQuery);
        // A malformed escape in the request line: the server refuses the URI itself.
        assertTrue(rawGet("/?Action=ListTopics&NextToken=%Z0").startsWith("HTTP/1.1 400"));
        HttpResponse<String> inName = s.post("Action=ListTopics&Bad%2=x");
        assertEquals(400, inName.statusCode(), inName.body());
        assertTrue(inName.body().contains("a parameter name"), inName.body());
    }

    @Test
    void rawUtf8BytesInTheRequestLineArriveAsSentAndOthersAreRefused() throws Exception {
        start();
        // A POST with its parameters in the request line (Publish is refused by GET, issue 18)
        String target = "/?Action=Publish&TopicArn=" + SnsServer.DEFAULT_ARN + "&Message=caf";
        String ok = raw("POST", target.getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xC3, (byte) 0xA9});
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
        assertEquals(List.of("caf\u00e9"), delivered);
        String bad = raw("POST", target.getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xC3, (byte) 0xC3});
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertEquals(1, s.api.published());
    }

    private String rawGet(String target) throws Exception {
        return raw("GET", target.getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    private String raw(String method, byte[] target, byte[] rawTail) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(target);
            request.writeBytes(rawTail);
            request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void validEscapesStillArriveExactly() throws Exception {
        start();
        HttpResponse<String> r = s.post(PUBLISH + "caf%C3%A9+%E4%B8%AD%F0%9F%98%80%25%2B");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("caf\u00e9 \u4e2d\uD83D\uDE00%+"), delivered);
    }
}
