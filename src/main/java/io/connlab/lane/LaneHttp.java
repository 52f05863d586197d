package io.connlab.lane;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/** The HTTP side shared by the poll and pool lanes: client settings, byte estimates, error kinds. */
final class LaneHttp {
    /** What java.net.http sends as User-Agent; counted in the request estimate. */
    private static final String USER_AGENT = "Java-http-client/" + System.getProperty("java.version");

    private LaneHttp() {
    }

    /**
     * HTTP/1.1 with keep-alive (the JDK's default for 1.1). Forcing 1.1 matters: left at its
     * default the JDK offers an h2c upgrade ({@code Connection: Upgrade, HTTP2-Settings},
     * {@code Upgrade: h2c}, {@code HTTP2-Settings: …}) on every plain-http request, which
     * distorts the byte counts and is not what a browser polling API Gateway sends.
     */
    static HttpClient http11(Executor executor, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * Ends the client's selector thread now where the JDK can (JDK 21 has {@code shutdownNow()});
     * on JDK 17 there is no such call and the thread ends by itself once the client is
     * unreachable and its requests are done, which stop() ensures by cancelling them.
     */
    static void shutdown(HttpClient client) {
        if (client == null) return;
        try {
            Method m = client.getClass().getMethod("shutdownNow");
            m.setAccessible(true);
            m.invoke(client);
        } catch (NoSuchMethodException jdk17) {
            // nothing to call: see above
        } catch (ReflectiveOperationException | RuntimeException e) {
            // best effort; the client is unreachable after stop() either way
        }
    }

    /**
     * Estimated bytes of a request on the wire: request line, the headers the JDK sends
     * (Host, User-Agent, Content-Length) plus ours, the blank line and the body. An estimate:
     * java.net.http does not expose the bytes it wrote (exact counts come from the mock's edge).
     */
    static long requestBytes(HttpRequest request, long bodyBytes) {
        URI uri = request.uri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long n = request.method().length() + 1 + target.length() + " HTTP/1.1\r\n".length();
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        n += "Host: \r\n".length() + host.length();
        n += "User-Agent: \r\n".length() + USER_AGENT.length();
        if (bodyBytes > 0 || !"GET".equals(request.method())) {
            n += "Content-Length: \r\n".length() + Long.toString(bodyBytes).length();
        }
        n += headerBytes(request.headers().map());
        return n + 2 + bodyBytes;
    }

    /** Estimated bytes of a response: status line (reason phrase guessed short), headers as received, blank line, body. */
    static long responseBytes(HttpResponse<?> response, long bodyBytes) {
        long n = "HTTP/1.1 200 OK\r\n".length();
        n += headerBytes(response.headers().map());
        return n + 2 + bodyBytes;
    }

    private static long headerBytes(Map<String, List<String>> headers) {
        long n = 0;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            for (String v : h.getValue()) n += h.getKey().length() + 2 + v.length() + 2;
        }
        return n;
    }

    /** A short stable name for a transport failure: "timeout", "connect", "closed" or "io". */
    static String errorKind(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof HttpConnectTimeoutException || c instanceof ConnectException) return "connect";
        if (c instanceof HttpTimeoutException) return "timeout";
        if (c instanceof ClosedChannelException) return "closed";
        return "io";
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String describe(Throwable t) {
        Throwable c = unwrap(t);
        String msg = c.getMessage();
        return c.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }
}
