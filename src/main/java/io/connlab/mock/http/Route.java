package io.connlab.mock.http;

/**
 * A handler at one path, how much of a request body the server reads for it, and who may call it.
 *
 * @param path         the path it answers, segment by segment, as API Gateway routes: {@code {name}}
 *                     stands for exactly one non-empty segment, a last {@code {name+}} for one or more
 *                     (matched on the raw path, so an escaped {@code %2F} stays inside its segment)
 * @param maxBodyBytes a body past this is not kept: the handler sees {@link HttpExchange#bodyTooLarge()}
 * @param keepsBody    false: the body is counted and thrown away as it arrives (the handler ignores it)
 * @param access       what a request must show before the handler sees it
 */
public record Route(String path, HttpHandler handler, int maxBodyBytes, boolean keepsBody, Access access) {

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

    /** Whether a request's raw path is this route's: every segment equal, or filling a variable. */
    boolean matches(String rawPath) {
        String[] want = path.split("/", -1);
        String[] got = rawPath.split("/", -1);
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            boolean variable = w.startsWith("{") && w.endsWith("}");
            if (variable && w.endsWith("+}") && i == want.length - 1) return got.length > i && !got[i].isEmpty();
            if (i >= got.length) return false;
            if (variable ? got[i].isEmpty() : !w.equals(got[i])) return false;
        }
        return got.length == want.length;
    }
}
