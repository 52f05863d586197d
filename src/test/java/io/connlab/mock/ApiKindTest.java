package io.connlab.mock;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mock's poll API plays an HTTP API (30 s) by default, a REST API (29 s) when asked. */
class ApiKindTest {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A long poll of 295 ms on time scale 100: inside an HTTP API's 300 ms, past a REST API's 290 ms. */
    int pollStatus(ApiKind kind) throws Exception {
        try (MockBackend mock = MockBackend.start(MockConfig.defaults().withTimeScale(100).withApiKind(kind))) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(mock.endpoints().pollUrl() + "?cursor=0&wait=0.295")).build();
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void theDefaultIsAnHttpApiLikeTheLiveStack() throws Exception {
        assertEquals(ApiKind.HTTP_API, MockConfig.defaults().apiKind());
        assertEquals(ApiKind.HTTP_API, MockConfig.defaults().withToken("t").withNetwork(5, 1).apiKind(), "kept by every with*");
        assertEquals(200, pollStatus(ApiKind.HTTP_API));
    }

    @Test
    void aRestApiCutsTheSameWaitOffWith504() throws Exception {
        assertEquals(504, pollStatus(ApiKind.REST_API));
    }

    @Test
    void parsesWhatServeTakes() {
        assertEquals(ApiKind.REST_API, ApiKind.parse(" REST "));
        assertEquals(ApiKind.HTTP_API, ApiKind.parse("http"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiKind.parse("graphql"));
        assertTrue(e.getMessage().contains("--api must be http or rest"), e.getMessage());
    }
}
