package io.connlab.mock.http;

/**
 * A handler mounted at a path prefix, how much of a request body the server reads for it, and
 * who may call it.
 *
 * @param prefix       the path prefix it answers (the longest matching prefix wins)
 * @param maxBodyBytes a body past this is not kept: the handler sees {@link HttpExchange#bodyTooLarge()}
 * @param keepsBody    false: the body is counted and thrown away as it arrives (the handler ignores it)
 * @param access       what a request must show before the handler sees it
 */
public record Route(String prefix, HttpHandler handler, int maxBodyBytes, boolean keepsBody, Access access) {

    /** What a request must show to reach a route (see docs/SECURITY.md). */
    public enum Access {
        /** Anyone who reaches the port: the poll and invoke APIs, as API Gateway routes without an authorizer. */
        OPEN,
        /** The SNS Query API: a browser's request must be signed, as AWS requires of every one. */
        AWS_QUERY,
        /** {@code @connections}: the token, when there is one (API Gateway requires signed requests). */
        MANAGEMENT,
        /** The admin API: the token, a Host naming this machine, and no request a web page could send unasked. */
        ADMIN
    }
}
