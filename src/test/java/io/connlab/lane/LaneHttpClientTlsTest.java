package io.connlab.lane;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The lanes' HTTP client speaks HTTPS, as live stacks need: against a local TLS server with a
 * self-signed certificate for localhost and 127.0.0.1 (src/test/resources, valid for 100 years),
 * trusted when the client is told to, refused with the JDK's own trust store.
 */
class LaneHttpClientTlsTest {
    static final char[] PASSWORD = "connlab".toCharArray();
    HttpsServer server;
    KeyStore keys;

    @BeforeEach
    void startServer() throws Exception {
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("localhost-tls.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/dev/poll", ex -> {
            byte[] body = "{\"messages\":[],\"cursor\":7}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void pollsOverTlsTwiceOnOneConnection() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        try (LaneHttpClient http = new LaneHttpClient(URI.create("https://localhost:" + server.getAddress().getPort()),
                "test-tls", Duration.ofSeconds(5), trust)) {
            Caller caller = http.caller();
            for (int i = 0; i < 2; i++) {
                Caller.Reply reply = CallerTest.get(http, caller, 5000).get(10, TimeUnit.SECONDS);
                assertEquals(200, reply.status());
                assertEquals("{\"messages\":[],\"cursor\":7}", new String(reply.body(), StandardCharsets.UTF_8));
                assertEquals("application/json", reply.header("content-type"));
            }
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        try (LaneHttpClient http = new LaneHttpClient(URI.create("https://localhost:" + server.getAddress().getPort()),
                "test-tls", Duration.ofSeconds(5), null)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> CallerTest.get(http, http.caller(), 5000).get(10, TimeUnit.SECONDS));
            Throwable cause = e.getCause();
            while (!(cause instanceof SSLHandshakeException) && cause.getCause() != null) cause = cause.getCause();
            assertInstanceOf(SSLHandshakeException.class, cause, e.getCause()::toString);
        }
    }
}
