package io.connlab.mock.http;

import io.connlab.app.bench.H2cClient;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A well-behaved HTTP/2 client on its own connection, for "after the attack, everyone else is still served". */
final class NormalClient {
    private NormalClient() {
    }

    /**
     * One request, untimed, before an attack: the first HTTP/2 request in a JVM loads the classes of
     * both ends, which on a busy machine can take longer than the second the real check allows.
     */
    static void warmUp(int port, String path) throws Exception {
        answeredWithin(port, path, Duration.ofSeconds(10));
    }

    /** A fresh connection's request is answered 200 within a second. */
    static void servedWithinASecond(int port, String path) throws Exception {
        answeredWithin(port, path, Duration.ofSeconds(1));
    }

    private static void answeredWithin(int port, String path, Duration limit) throws Exception {
        try (H2cClient normal = new H2cClient("127.0.0.1", port, 1)) {
            H2cClient.Request r = normal.get(path);
            await().atMost(limit).until(() -> r.answer().isDone());
            assertEquals(200, r.answer().get().status());
        }
    }
}
