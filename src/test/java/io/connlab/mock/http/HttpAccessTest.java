package io.connlab.mock.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Host rule against DNS rebinding, and the SNS rule against a browser's unsigned post. */
class HttpAccessTest {

    @Test
    void onAWildcardBindAnAddressOfThisMachineIsThisMachineAndNoNameIs() throws Exception {
        HttpAccess access = new HttpAccess(null, "0.0.0.0");
        assertTrue(access.isThisMachine("127.0.0.1:8080"));
        assertTrue(access.isThisMachine("localhost"));
        assertTrue(access.isThisMachine("app.localhost:1"));
        assertTrue(access.isThisMachine("[::1]"));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address) assertTrue(access.isThisMachine(a.getHostAddress() + ":80"), a.toString());
            }
        }
        assertFalse(access.isThisMachine("192.0.2.77"), "a documentation address: no interface here has it");
        assertFalse(access.isThisMachine("attacker.example"));
        assertFalse(access.isThisMachine("127.0.0.1.attacker.example"));
        assertFalse(access.isThisMachine(""));
        assertFalse(access.isThisMachine(null));
    }

    @Test
    void onLoopbackOnlyLoopbackAndTheBoundNameCount() {
        HttpAccess byName = new HttpAccess(null, "teacher.local");
        assertTrue(byName.isThisMachine("teacher.local:8080"));
        assertFalse(byName.isThisMachine("other.local:8080"));
        HttpAccess loopback = new HttpAccess(null, "127.0.0.1");
        assertFalse(loopback.isThisMachine("192.0.2.77"));
    }

    @Test
    void snsRefusesOnlyABrowsersUnsignedRequest() {
        HttpAccess access = new HttpAccess(new ClassKeys("t", null), "127.0.0.1");
        HttpHeaders page = new DefaultHttpHeaders().set("Origin", "http://attacker.example");
        assertEquals(403, access.check(Route.Access.AWS_QUERY, "POST", Map.of(), page).status());
        assertNull(access.check(Route.Access.AWS_QUERY, "POST", Map.of("X-Amz-Signature", "x"), page), "presigned");
        assertNull(access.check(Route.Access.AWS_QUERY, "POST", Map.of(),
                new DefaultHttpHeaders().set("Origin", "http://x").set("Authorization", "AWS4-HMAC-SHA256 ...")));
        assertNull(access.check(Route.Access.AWS_QUERY, "POST", Map.of(), new DefaultHttpHeaders()), "curl, scripts");
        assertNull(access.check(Route.Access.OPEN, "POST", Map.of(), page), "the token is not for poll or invoke");
    }
}
