package io.connlab.endpoint;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Why an endpoint could not be reached or refused us, in one plain sentence. */
final class FailureReason {
    private FailureReason() {
    }

    /** A transport failure: DNS, refused, TLS, timeout, or the exception's own message. */
    static String of(Throwable t, String host) {
        // the JDK's HTTP client wraps an unresolvable name in a ConnectException: look at every cause first
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) return dns(host);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException
                    || c instanceof java.net.SocketTimeoutException) {
                return "timeout: '" + host + "' did not answer in time (firewall, proxy, or a server that hangs)";
            }
            if (c instanceof SSLException) {
                return "TLS: the secure handshake with '" + host + "' failed (" + c.getMessage()
                        + "); is it really https/wss, and is no proxy intercepting it?";
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                if (!resolves(host)) return dns(host);
                return "refused: nothing accepts connections at '" + host + "' (is the backend running?)";
            }
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String dns(String host) {
        return "DNS: the name '" + host + "' does not resolve (a typo, a deleted stack, or no network)";
    }

    private static boolean resolves(String host) {
        try {
            java.net.InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An HTTP status the endpoint answered with, and what it usually means here. */
    static String ofStatus(int status) {
        return switch (status) {
            case 401 -> "401 Unauthorized: the $connect token is missing (set the profile's token)";
            case 403 -> "403 Forbidden: wrong token, wrong stage/path in the URL, or an IAM permission is missing";
            case 404 -> "404 Not Found: the path is wrong (check the stage name in the URL)";
            case 410 -> "410 Gone: the connection or resource no longer exists";
            case 429 -> "429 Too Many Requests: throttled, try again shortly";
            case 502, 503 -> status + ": the function behind the endpoint failed or is unavailable";
            case 504 -> "504: the integration timed out";
            default -> "HTTP " + status;
        };
    }
}
