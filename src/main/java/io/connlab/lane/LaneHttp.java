package io.connlab.lane;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The HTTP side the lanes share: ending a java.net.http client, response byte estimates, error kinds. */
final class LaneHttp {
    private LaneHttp() {
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

    /** A short stable name for a transport failure: "timeout", "connect", "closed", "tls" or "io". */
    static String errorKind(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof javax.net.ssl.SSLException || c.getCause() instanceof javax.net.ssl.SSLException) return "tls";
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
