package io.connlab.mock.gateway;

import java.net.InetSocketAddress;

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
}
