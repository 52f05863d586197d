package io.connlab.mock;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.connlab.mock.LiveBackend.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 4: the class token (in every student's profile) is not the admin key. With it a student
 * connects, publishes, polls and invokes; every admin, fault and {@code @connections} call answers 403
 * as API Gateway answers a caller without permission, and changes nothing. The instructor key opens each.
 */
class InstructorKeyTest {
    private static final String CLASS_TOKEN = "class42";
    private static final String KEY = "instructor-7f3a9c";
    @AutoClose
    private final LiveBackend b = LiveBackend.start(MockConfig.defaults().withToken(CLASS_TOKEN).withInstructorKey(KEY));

    private HttpResponse<String> call(String method, String url, String bearer, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return b.send(LiveBackend.request(url).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").method(method, publisher));
    }

    private static void assertForbidden(HttpResponse<String> r, String what) throws Exception {
        assertEquals(403, r.statusCode(), what + ": " + r.body());
        assertEquals("ForbiddenException", r.headers().firstValue("x-amzn-ErrorType").orElse(null), what);
        assertTrue(json(r).get("message").asText().contains("instructor key"), what + ": " + r.body());
    }

    @Test
    void theClassTokenOpensNoAdminCallAndChangesNothing() throws Exception {
        b.connect("?token=" + CLASS_TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connectionCount() == 1);
        String admin = b.endpoints.adminUrl();
        for (String resource : new String[]{"status", "connections", "containers", "network"}) {
            assertForbidden(call("GET", admin + resource, CLASS_TOKEN, null), "GET " + resource);
        }
        assertForbidden(call("PUT", admin + "network", CLASS_TOKEN, "{\"rttMs\":60000}"), "PUT network");
        assertForbidden(call("POST", admin + "drop?listener=all", CLASS_TOKEN, null), "drop");
        assertForbidden(call("POST", admin + "database/stop?seconds=300", CLASS_TOKEN, null), "database/stop");
        assertForbidden(b.send(LiveBackend.request(admin + "status?token=" + CLASS_TOKEN).GET()), "?token=");

        assertEquals(0, b.backend.network().rttMillis());
        assertEquals(1, b.backend.gateway().connectionCount());
        assertEquals(200, b.invoke("?mode=pooled").statusCode(), "the database still answers");
        assertEquals(0, b.backend.database().refusedTotal());
    }

    @Test
    void theInstructorKeyOpensEachAdminCall() throws Exception {
        b.connect("?token=" + CLASS_TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connectionCount() == 1);
        String admin = b.endpoints.adminUrl();
        assertEquals(1, json(call("GET", admin + "connections", KEY, null)).size());
        assertEquals(200, call("GET", admin + "status", KEY, null).statusCode());
        assertEquals(200, call("GET", admin + "containers", KEY, null).statusCode());
        assertEquals(200, call("PUT", admin + "network", KEY, "{\"rttMs\":7}").statusCode());
        assertEquals(7, b.backend.network().rttMillis());
        assertEquals(1, json(call("POST", admin + "drop?listener=websocket", KEY, null)).get("dropped").asInt());
        assertEquals(200, call("POST", admin + "database/stop?seconds=1", KEY, null).statusCode());
        assertEquals(200, b.send(LiveBackend.request(admin + "status?token=" + KEY).GET()).statusCode(), "?token=");
    }

    @Test
    void atConnectionsOnSomeoneElsesConnectionTakesTheInstructorKey() throws Exception {
        var victim = b.connect("?token=" + CLASS_TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connections().size() == 1);
        String id = b.backend.gateway().connections().get(0).id();
        b.connect("?token=" + CLASS_TOKEN); // the student who would post into the victim's socket
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connections().size() == 2);
        String url = b.endpoints.connectionsUrl() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        assertForbidden(call("GET", url, CLASS_TOKEN, null), "GET @connections");
        assertForbidden(call("POST", url, CLASS_TOKEN, "a forged message"), "POST @connections");
        assertForbidden(call("DELETE", url, CLASS_TOKEN, null), "DELETE @connections");
        assertEquals(2, b.backend.gateway().connectionCount(), "nobody disconnected");

        assertEquals(200, call("GET", url, KEY, null).statusCode());
        assertEquals(200, call("POST", url, KEY, "from the instructor").statusCode());
        assertEquals("from the instructor", victim.next());
        assertEquals(204, call("DELETE", url, KEY, null).statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connectionCount() == 1);
    }

    @Test
    void aStudentStillConnectsPublishesPollsAndInvokes() throws Exception {
        var student = b.connect("?token=" + CLASS_TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.gateway().connectionCount() == 1);
        b.publish("hello class");
        assertEquals("hello class", student.next());
        assertTrue(b.poll("?cursor=0&wait=0").body().contains("hello class"));
        assertEquals(200, b.invoke("?mode=unpooled").statusCode());
        HttpResponse<String> wrongKey = b.send(LiveBackend.request(URI.create(b.endpoints.adminUrl() + "status").toString())
                .header("Authorization", "Bearer guess").GET());
        assertEquals(401, wrongKey.statusCode(), "no key at all: asked for one");
    }
}
