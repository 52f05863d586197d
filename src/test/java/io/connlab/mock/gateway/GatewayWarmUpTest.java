package io.connlab.mock.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The warm-up really runs the gateway's message path: every message it feeds is decoded and routed. */
class GatewayWarmUpTest {
    @Test
    void everyWarmUpMessageIsDecodedAndRoutedToABroadcast() {
        assertEquals(500, GatewayWarmUp.run(500));
    }
}
