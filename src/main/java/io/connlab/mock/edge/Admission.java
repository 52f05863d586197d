package io.connlab.mock.edge;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The front door of one listener: what the edge does with a new connection before any
 * byte reaches the server behind it. API Gateway's edge refuses a handshake with 401 or
 * 429 before a route runs; a database refuses a client past {@code max_connections}.
 */
public interface Admission {

    /** Admits everything and forwards bytes untouched. */
    Admission ALLOW_ALL = new Admission() {
        @Override public boolean needsRequestHead() { return false; }
        @Override public Verdict decide(InetSocketAddress client, String requestHead) { return Verdict.admit(); }
    };

    /**
     * True when the edge must first read an HTTP request head (up to and including the
     * blank line, at most 16 KB) and pass it to {@link #decide}; false to decide at accept.
     */
    boolean needsRequestHead();

    /**
     * Called once per accepted connection, on the edge's thread: must not block.
     *
     * @param requestHead the HTTP request head (ISO-8859-1, with its final CRLFCRLF), or null
     *                    when {@link #needsRequestHead()} is false
     */
    Verdict decide(InetSocketAddress client, String requestHead);

    /** Called when a connection this admission admitted has closed (either side). */
    default void closed(InetSocketAddress client) {
    }

    /**
     * @param admitted  whether the connection goes through to the server behind the edge
     * @param bytes     admitted: the request head to forward instead of the one read (a
     *                  rewritten head, e.g. with X-Forwarded-For), or null to forward the
     *                  original; refused: the response to write before closing
     */
    record Verdict(boolean admitted, byte[] bytes) {
        public static Verdict admit() {
            return new Verdict(true, null);
        }

        public static Verdict admitWithHead(String head) {
            return new Verdict(true, head.getBytes(StandardCharsets.ISO_8859_1));
        }

        public static Verdict refuse(byte[] response) {
            return new Verdict(false, response);
        }
    }
}
