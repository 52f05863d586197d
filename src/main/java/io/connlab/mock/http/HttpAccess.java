package io.connlab.mock.http;

import io.netty.handler.codec.http.HttpHeaders;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who may reach which route (docs/SECURITY.md says why): the instructor key ({@link ClassKeys}) on
 * the admin API and {@code @connections}; on the admin API also a Host header that names this machine (a page
 * of a DNS-rebinding site names its own host) and, for what changes state, a JSON body or a
 * custom header (a web page cannot send either without a CORS preflight, which the mock never
 * grants); on the SNS Query API a signature on a browser's request, as AWS demands of all.
 */
final class HttpAccess {
    /** The custom header that marks an admin request as not a web page's. */
    static final String CUSTOM_HEADER = "X-Requested-With";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final ClassKeys keys;
    private final String bindHost;
    private final boolean wildcard;

    /** A refusal: the answer the route's own service would give. */
    record Refusal(int status, String contentType, String body, Map<String, String> headers) {
    }

    /** @param keys null for none; @param bindHost the address the listener binds */
    HttpAccess(ClassKeys keys, String bindHost) {
        this.keys = keys == null ? ClassKeys.NONE : keys;
        this.bindHost = bindHost.toLowerCase(Locale.ROOT);
        this.wildcard = bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]");
    }

    /** Null when the request may go on; else how to refuse it. */
    Refusal check(Route.Access access, String method, Map<String, String> query, HttpHeaders headers) {
        return switch (access) {
            case OPEN -> null;
            case AWS_QUERY -> browserUnsigned(headers, query) ? missingSignature() : null;
            case MANAGEMENT -> management(headers, query);
            case ADMIN -> admin(method, query, headers);
        };
    }

    private Refusal admin(String method, Map<String, String> query, HttpHeaders headers) {
        String host = headers.get("Host");
        if (!isThisMachine(host)) {
            return json(403, "{\"message\":\"The admin API answers only requests addressed to this machine"
                    + " (localhost, a loopback or bound address), not to '" + printable(host) + "'\"}", Map.of());
        }
        ClassKeys.Holder who = keys.who(headers::get, query);
        if (who == ClassKeys.Holder.NOBODY) {
            return json(401, "{\"message\":\"The admin API needs the instructor key: send 'Authorization: Bearer <key>'"
                    + " or '?token=<key>'\"}", Map.of("WWW-Authenticate", "Bearer realm=\"connlab\""));
        }
        if (who == ClassKeys.Holder.STUDENT) {
            return forbidden("The admin API needs the instructor key: the class token lets a student connect, publish,"
                    + " poll and invoke, not change the backend or read other people's connections");
        }
        boolean changesState = !method.equals("GET") && !method.equals("HEAD");
        if (changesState && !isJson(headers.get("Content-Type")) && headers.get(CUSTOM_HEADER) == null) {
            return json(403, "{\"message\":\"An admin " + method + " needs 'Content-Type: application/json' or an '"
                    + CUSTOM_HEADER + "' header (a web page cannot send either without asking first)\"}", Map.of());
        }
        return null;
    }

    /**
     * {@code @connections}: API Gateway takes only IAM-signed requests here, which a student's client never
     * has (it sends and disconnects through its own socket); the mock asks for the instructor key instead.
     */
    private Refusal management(HttpHeaders headers, Map<String, String> query) {
        return switch (keys.who(headers::get, query)) {
            case INSTRUCTOR -> null;
            case NOBODY -> forbidden("Forbidden");
            case STUDENT -> forbidden("The class token does not open @connections: in AWS only an IAM-signed request"
                    + " may post to, read or disconnect a connection; here that takes the instructor key");
        };
    }

    /** API Gateway's answer to a caller without permission. */
    private static Refusal forbidden(String message) {
        return json(403, "{\"message\":\"" + message + "\"}", Map.of("x-amzn-ErrorType", "ForbiddenException"));
    }

    /** A browser says where a page came from (Origin); the SDK and CLI never do, and always sign. */
    private static boolean browserUnsigned(HttpHeaders headers, Map<String, String> query) {
        return headers.get("Origin") != null && headers.get("Authorization") == null
                && query.get("X-Amz-Signature") == null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** Host names a loopback name, this machine's address as an IP literal, or the address bound. */
    boolean isThisMachine(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) return false;
        String host = stripPort(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals(bindHost)) return true;
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4.matcher(host).matches()) return false; // a name: never looked up (it is the rebinding's)
        try {
            InetAddress a = InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host); // a literal: no DNS
            if (a.isLoopbackAddress()) return true;
            return wildcard && NetworkInterface.getByInetAddress(a) != null;
        } catch (UnknownHostException | SocketException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static String printable(String s) {
        if (s == null) return "";
        String t = s.length() > 100 ? s.substring(0, 100) : s;
        return t.replaceAll("[^A-Za-z0-9.:\\[\\]_-]", "?");
    }

    private static Refusal json(int status, String body, Map<String, String> headers) {
        return new Refusal(status, "application/json", body, headers);
    }

    private static Refusal missingSignature() {
        String id = UUID.randomUUID().toString();
        String xml = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n  <Error>\n"
                + "    <Type>Sender</Type>\n    <Code>MissingAuthenticationToken</Code>\n"
                + "    <Message>Request is missing Authentication Token</Message>\n  </Error>\n"
                + "  <RequestId>" + id + "</RequestId>\n</ErrorResponse>\n";
        return new Refusal(403, "text/xml", xml, Map.of("x-amzn-RequestId", id));
    }
}
