package io.connlab.mock.http;

import io.netty.handler.codec.http.HttpHeaders;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request, read whole, and its answer. The method names are the JDK HttpServer's
 * ({@code getRequestMethod}, {@code getResponseHeaders}...), so the handlers read as they did
 * on it. Exactly one answer goes out: the first {@link #respond} wins, later ones are ignored.
 * Any thread may answer, at any time; a held request may be answered long after
 * {@link HttpHandler#handle} returned.
 */
public final class HttpExchange {
    private final Connection connection;
    private final String method;
    private final URI uri;
    private final HttpHeaders requestHeaders;
    private final byte[] body;
    private final long bodyBytes;
    private final boolean bodyTooLarge;
    private final Headers responseHeaders = new Headers();
    private final AtomicBoolean answered = new AtomicBoolean();

    /** What an exchange needs of the connection it came in on. */
    interface Connection {
        InetSocketAddress remoteAddress();

        /** Writes the answer; the connection reads its next request once it is out. */
        void respond(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers);

        /** Closes the connection without an answer. */
        void abort();

        /** Runs {@code onGone} once when the client goes away; false (and not run) when it already has. */
        boolean whenGone(Runnable onGone);
    }

    HttpExchange(Connection connection, String method, URI uri, HttpHeaders requestHeaders, byte[] body,
                 long bodyBytes, boolean bodyTooLarge) {
        this.connection = connection;
        this.method = method;
        this.uri = uri;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.bodyBytes = bodyBytes;
        this.bodyTooLarge = bodyTooLarge;
    }

    public String getRequestMethod() {
        return method;
    }

    public URI getRequestURI() {
        return uri;
    }

    /** The first value of a request header (any case), or null. */
    public String requestHeader(String name) {
        return requestHeaders.get(name);
    }

    /** The body as read, up to the route's bound: empty for routes that only count it. */
    public InputStream getRequestBody() {
        return new ByteArrayInputStream(body);
    }

    byte[] body() {
        return body;
    }

    /** How many body bytes the client sent (all of them, kept or not). */
    public long bodyBytes() {
        return bodyBytes;
    }

    /** True when the body passed the route's bound: the handler answers as its service would. */
    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    public InetSocketAddress getRemoteAddress() {
        return connection.remoteAddress();
    }

    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    /**
     * Answers with the status, content type (or null) and body (null for none); the response
     * headers set so far go with it. Never blocks and never throws; false when already answered.
     */
    public boolean respond(int status, String contentType, byte[] body) {
        if (!answered.compareAndSet(false, true)) return false;
        connection.respond(this, status, contentType, body, responseHeaders.copy());
        return true;
    }

    /** Ends the exchange without an answer: the connection closes (the client sees it go). */
    public void close() {
        if (answered.compareAndSet(false, true)) connection.abort();
    }

    /**
     * Runs {@code onGone} as soon as the client goes away before its answer (a held poll lets
     * go of its slot then); false, without running it, when the client has already gone.
     */
    public boolean whenClientGone(Runnable onGone) {
        return connection.whenGone(onGone);
    }

    /** Response headers: the last {@link #set} of a name wins. */
    public static final class Headers {
        private final Map<String, String> values = new LinkedHashMap<>();

        public synchronized void set(String name, String value) {
            values.put(name, value);
        }

        synchronized Map<String, String> copy() {
            return new LinkedHashMap<>(values);
        }
    }
}
