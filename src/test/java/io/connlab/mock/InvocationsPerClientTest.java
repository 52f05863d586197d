package io.connlab.mock;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 (minor): on a shared {@code serve}, one student's burst of pooled calls must not hold every
 * database connection. Each client address gets its own cap on running invocations; past it that
 * client alone hears 429, and a classmate on another address is served. Two clients: two loopback
 * source addresses (127.0.0.1 and 127.0.0.2), raw sockets.
 */
class InvocationsPerClientTest {
    private static final int CAP = 3;
    @AutoClose
    private final LiveBackend b = LiveBackend.start(MockConfig.defaults().withInvocationsPerClient(CAP));
    private final List<Socket> sockets = new ArrayList<>();

    /** Sends one invocation from {@code source}; the caller reads the answer from the socket. */
    private Socket invokeFrom(String source, String query) throws IOException {
        URI invoke = URI.create(b.endpoints.invokeUrl());
        Socket s = new Socket();
        sockets.add(s);
        s.bind(new InetSocketAddress(source, 0));
        s.connect(new InetSocketAddress(invoke.getHost(), invoke.getPort()), 10_000);
        s.setSoTimeout(20_000);
        s.getOutputStream().write(("POST " + invoke.getPath() + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    private static String answer(Socket s) throws IOException {
        try (s) {
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void oneClientsBurstIsCappedAndAnotherClientIsServed() throws Exception {
        try {
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < CAP; i++) held.add(invokeFrom("127.0.0.1", "?mode=pooled&sleepMs=3000"));
            await().atMost(Duration.ofSeconds(10)).until(() -> b.backend.database().connectionsInUse() >= CAP);

            String refused = answer(invokeFrom("127.0.0.1", "?mode=pooled"));
            assertTrue(refused.startsWith("HTTP/1.1 429 "), refused);
            assertTrue(refused.contains("TooManyRequestsException") && refused.contains("ClientConcurrentInvocationLimitExceeded"),
                    refused);

            String classmate = answer(invokeFrom("127.0.0.2", "?mode=pooled"));
            assertTrue(classmate.startsWith("HTTP/1.1 200 "), classmate);

            for (Socket s : held) {
                String r = answer(s);
                assertTrue(r.startsWith("HTTP/1.1 200 "), r);
            }
            String again = answer(invokeFrom("127.0.0.1", "?mode=pooled"));
            assertTrue(again.startsWith("HTTP/1.1 200 "), "the slots come back once the calls end: " + again);
            assertEquals(CAP + 2, b.backend.functions().counts(io.connlab.mock.function.InvocationMode.POOLED).invocations());
        } finally {
            for (Socket s : sockets) s.close();
        }
    }
}
