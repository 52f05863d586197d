package io.connlab.mock;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /**
     * Routes matched by prefix: {@code /dev/pollution} reached the poll handler, {@code /_connlab/x}
     * the admin API. Near misses of every route, each sent as it would have worked.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "GET /dev/pollution?wait=0", "GET /dev/poll/?wait=0", "GET /dev/poll/extra?wait=0", "GET /dev//poll?wait=0",
            "GET //dev/poll?wait=0", "GET /dev/Poll?wait=0", "GET /devx/poll?wait=0", "GET /dev/poll%2F?wait=0",
            "POST /dev/invoker?mode=pooled", "POST /dev/invoke/?mode=pooled", "POST /dev/invoke/x?mode=pooled",
            "POST /dev/invoke%2Fx?mode=pooled",
            "GET /dev/@connections", "GET /dev/@connections/", "GET /dev/@connections/a/b", "GET /dev/@connections/a/",
            "GET /dev/@connectionsX/abc", "GET /dev/@connections//abc",
            "GET /_connlab", "GET /_connlab/", "GET /_connlab/statusx", "GET /_connlab/status/", "GET /_connlab/status/x",
            "GET /_connlabx/status", "POST /_connlab/database", "POST /_connlab/database/stopper", "POST /_connlab/database/stop/",
            "POST /sns", "POST //x", "POST //", "POST /dev"})
    void aNearMissOfARouteGetsApiGatewaysNotFound(String request) throws IOException {
        String answer = b.rawHttp(request + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertTrue(answer.startsWith("HTTP/1.1 404 "), request + " -> " + answer);
        assertTrue(answer.endsWith("{\"message\":\"Not Found\"}"), request + " -> " + answer);
        if (request.startsWith("POST /") && !request.contains("_connlab") && !request.contains("invoke")) {
            assertTrue(!answer.contains("<"), "not an SNS answer: " + answer);
        }
    }

    /** The routes themselves, each hit exactly (an escaped '/' in an id stays one segment). */
    @ParameterizedTest
    @CsvSource({"GET /dev/poll?wait=0, 200", "POST /dev/invoke?mode=pooled, 200", "GET /dev/@connections/abc, 410",
            "GET /dev/@connections/a%2Fb, 410", "GET /_connlab/status, 200", "GET /_connlab/connections, 200"})
    void eachRouteStillAnswersAtItsOwnPath(String request, int status) throws IOException {
        String answer = b.rawHttp(request + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), request + " -> " + answer);
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
