package io.connlab.mock;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.connlab.mock.LiveBackend.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, item 4: with {@code --token}, the admin API and {@code @connections} need it; the
 * admin API answers only requests addressed to this machine, and only the state changes a web
 * page cannot send unasked; the SNS endpoint refuses a browser's unsigned form post.
 */
class MockBackendAccessTest {
    private static final String TOKEN = "class42";
    @AutoClose
    private final LiveBackend b = LiveBackend.start(MockConfig.defaults().withToken(TOKEN));

    private HttpResponse<String> call(String method, String url, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) r.headers(headers);
        return b.send(r);
    }

    private String admin(String resource) {
        return b.endpoints.adminUrl() + resource;
    }


    @Test
    void theAdminApiNeedsTheTokenAsABearerHeaderOrAQueryParameter() throws Exception {
        HttpResponse<String> none = call("GET", admin("connections"));
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(json(none).get("message").asText().contains("token"), none.body());
        assertEquals(401, call("GET", admin("status"), "Authorization", "Bearer guess").statusCode());
        assertEquals(401, call("GET", admin("status?token=guess")).statusCode());
        assertEquals(200, call("GET", admin("connections"), "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, call("GET", admin("status?token=" + TOKEN)).statusCode());
    }

    @Test
    void withoutTheTokenNoAdminChangeHappens() throws Exception {
        b.connect("?token=" + TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connectionCount() == 1);
        assertEquals(401, call("POST", admin("drop?listener=all"), "X-Requested-With", "x").statusCode());
        assertEquals(401, b.send(HttpRequest.newBuilder(URI.create(admin("network"))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rttMs\":10000}"))).statusCode());
        assertEquals(401, call("POST", admin("database/stop?seconds=30"), "X-Requested-With", "x").statusCode());
        assertEquals(0, b.backend.network().rttMillis());
        assertEquals(1, b.backend.gateway().connectionCount());
        assertEquals(0, b.backend.database().refusedTotal());
    }

    @Test
    void atConnectionsWithoutTheTokenIsForbiddenAsApiGatewayAnswersAnUnsignedCall() throws Exception {
        var victim = b.connect("?token=" + TOKEN); // whichever WebSocket test client LiveBackend hands out
        // the client hears its 101 before the gateway has run its own onOpen: wait for the id to be known
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connections().size() == 1);
        String id = b.backend.gateway().connections().get(0).id();
        String url = b.endpoints.connectionsUrl() + "/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
        for (String method : new String[]{"GET", "POST", "DELETE"}) {
            HttpResponse<String> r = call(method, url);
            assertEquals(403, r.statusCode(), method);
            assertEquals("Forbidden", json(r).get("message").asText());
            assertEquals("ForbiddenException", r.headers().firstValue("x-amzn-ErrorType").orElse(null));
        }
        assertEquals(1, b.backend.gateway().connectionCount(), "not disconnected");
        HttpResponse<String> post = b.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("only for you")));
        assertEquals(200, post.statusCode());
        assertEquals("only for you", victim.next());
        assertEquals(410, call("GET", b.endpoints.connectionsUrl() + "/nobody?token=" + TOKEN).statusCode());
    }

    @Test
    void theAdminApiAnswersOnlyRequestsAddressedToThisMachine() throws Exception {
        String path = URI.create(admin("status?token=" + TOKEN)).getRawPath() + "?token=" + TOKEN;
        String rebound = b.rawHttp("GET " + path + " HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 403 "), rebound);
        assertTrue(rebound.contains("attacker.example"), rebound);
        String noHost = b.rawHttp("GET " + path + " HTTP/1.0\r\n\r\n");
        assertTrue(noHost.startsWith("HTTP/1.1 403 "), noHost);
        for (String host : new String[]{"localhost:1234", "127.0.0.1", "LOCALHOST", "[::1]:8080"}) {
            String ok = b.rawHttp("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(ok.startsWith("HTTP/1.1 200 "), host + ": " + ok);
        }
    }

    @Test
    void anAdminChangeAWebPageCouldSendUnaskedIsRefused() throws Exception {
        String bearer = "Bearer " + TOKEN;
        // what a form or a no-cors fetch can send: a simple content type, no custom header (token in the URL)
        HttpResponse<String> form = b.send(HttpRequest.newBuilder(URI.create(admin("network?token=" + TOKEN)))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{\"rttMs\":5000}")));
        assertEquals(403, form.statusCode());
        assertTrue(json(form).get("message").asText().contains("application/json"), form.body());
        assertEquals(403, call("POST", admin("drop?listener=http&token=" + TOKEN)).statusCode());
        assertEquals(0, b.backend.network().rttMillis());

        HttpResponse<String> asJson = b.send(HttpRequest.newBuilder(URI.create(admin("network"))).header("Authorization", bearer)
                .header("Content-Type", "application/json; charset=utf-8").PUT(HttpRequest.BodyPublishers.ofString("{\"rttMs\":5}")));
        assertEquals(200, asJson.statusCode());
        assertEquals(5, b.backend.network().rttMillis());
        assertEquals(200, call("POST", admin("drop?listener=websocket"), "Authorization", bearer, "X-Requested-With", "x")
                .statusCode());
    }

    @Test
    void snsRefusesABrowsersUnsignedPostButTakesTheSdksAndAPlainClients() throws Exception {
        String form = "Action=Publish&TopicArn=" + b.endpoints.topicArn() + "&Message=from+a+page";
        HttpResponse<String> page = b.send(HttpRequest.newBuilder(URI.create(b.endpoints.snsEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("<Code>MissingAuthenticationToken</Code>"), page.body());
        assertEquals(0, b.backend.sns().published());

        b.publish("from the SDK"); // signed, as the SDK and the CLI always are
        HttpResponse<String> curl = b.send(HttpRequest.newBuilder(URI.create(b.endpoints.snsEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, curl.statusCode(), curl.body());
        assertEquals(2, b.backend.sns().published());
    }

    @Test
    void pollAndInvokeStayOpenLikeApiGatewayRoutesWithoutAnAuthorizer() throws Exception {
        assertEquals(200, b.poll("?wait=0").statusCode());
        assertEquals(200, b.invoke("?mode=pooled").statusCode());
    }
}
