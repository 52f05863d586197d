package io.connlab.mock;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found from outside: a mistyped stage or path ({@code /prod/poll}, {@code /dev/pol}) reached the
 * SNS endpoint mounted at "/" and got its XML {@code MissingAction} error, which names neither the
 * path nor the mistake. API Gateway answers a path without a route 404 {@code {"message":"Not Found"}}.
 */
class MockBackendUnknownPathTest {
    @AutoClose
    private final LiveBackend b = LiveBackend.start();


    @ParameterizedTest
    @ValueSource(strings = {"/prod/poll?cursor=0&wait=0", "/dev/unknown", "/nothing", "/dev"})
    void aPathWithNoRouteGetsApiGatewaysNotFound(String target) throws IOException {
        String answer = b.rawHttp("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 404 "), answer);
        assertTrue(answer.endsWith("{\"message\":\"Not Found\"}"), answer);
    }

    @Test
    void theSnsEndpointStillAnswersAtItsRoot() throws IOException {
        String body = "Action=Publish&TopicArn=" + b.endpoints.topicArn() + "&Message=hi";
        String answer = b.rawHttp("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertTrue(answer.contains("<PublishResponse"), answer);
    }
}
