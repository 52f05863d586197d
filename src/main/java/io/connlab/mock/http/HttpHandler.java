package io.connlab.mock.http;

/**
 * One of the mock's HTTP APIs (poll, SNS, invoke, {@code @connections}, admin), mounted at a
 * path prefix on the {@link HttpApiServer}. It gets a request whose head and body have been
 * read whole, on a worker thread, and answers it now or later through the exchange.
 */
@FunctionalInterface
public interface HttpHandler {
    void handle(HttpExchange exchange);
}
