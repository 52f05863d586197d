package io.connlab.mock.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared checks for gateway tests. */
final class GatewayTesting {
    private GatewayTesting() {
    }

    /** After a bad input: two fresh clients still chat through the gateway. */
    static void assertStillChats(InetSocketAddress gateway) throws Exception {
        ChatClient a = ChatClient.connect(gateway, "/dev");
        ChatClient b = ChatClient.connect(gateway, "/dev");
        try {
            b.connectionId(); // a round trip: b is registered before a broadcasts
            a.chat("still here");
            assertEquals("still here", a.next());
            assertEquals("still here", b.next());
        } finally {
            a.closeBlocking();
            b.closeBlocking();
        }
    }

    /**
     * Issue 18's bar: after an attack, a normal client is served (connects, chats) within a second.
     * Call {@link #assertStillChats} once before the attack: a client's first connect in a cold JVM
     * loads its classes, which is no delay of the server's.
     */
    static void assertServedWithinASecond(InetSocketAddress gateway) {
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertStillChats(gateway));
    }

    /**
     * Sends {@code bytes} on a fresh raw socket, ends its sending half and reads until the server
     * closes: the answer's status line, "" when it closed without answering, "TIMEOUT" when it
     * kept the socket past 5 s.
     */
    static String answerTo(InetSocketAddress gateway, byte[] bytes) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(gateway, 2000);
            s.setSoTimeout(5000);
            try {
                s.getOutputStream().write(bytes);
                s.shutdownOutput();
            } catch (SocketException refusedEarly) {
                // the server answered and closed before taking all of it: read what it said
            }
            return statusLine(s.getInputStream());
        }
    }

    /** Reads to the end: the first line, "" for nothing, "TIMEOUT" if the peer keeps the socket open. */
    static String statusLine(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (SocketTimeoutException e) {
            return "TIMEOUT";
        } catch (SocketException reset) {
            return "";
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf("\r\n");
        return eol < 0 ? text : text.substring(0, eol);
    }
}
