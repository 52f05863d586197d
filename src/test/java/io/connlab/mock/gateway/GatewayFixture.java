package io.connlab.mock.gateway;

import io.connlab.mock.TimeScale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway with API Gateway's limits on a free loopback port for each test, closed after it;
 * {@link #sent} records every {@code sendmessage} it routed. Use with {@code @RegisterExtension}.
 */
final class GatewayFixture implements BeforeEachCallback, AfterEachCallback {
    final List<String> sent = new CopyOnWriteArrayList<>();
    WebSocketGateway gateway;
    InetSocketAddress address;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        gateway = new WebSocketGateway("dev", GatewayLimits.apiGateway(), TimeScale.REAL, sent::add);
        address = gateway.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        gateway.close();
    }
}
