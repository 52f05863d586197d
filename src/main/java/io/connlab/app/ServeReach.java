package io.connlab.app;

import io.connlab.mock.MockEndpoints;
import io.connlab.mock.http.HttpLimits;

import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where students reach a {@code serve}d mock, and what {@code serve} prints about who can do what from
 * the network with the class token or the instructor key (docs/SECURITY.md has the whole model).
 */
final class ServeReach {
    private ServeReach() {
    }

    /** Whether {@code host} is a loopback address (a name that does not resolve is not). */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /**
     * The addresses students may use for a listener bound to {@code host}: the bound address itself, or
     * for a wildcard each non-loopback address of an interface that is up (IPv4 first, as a class's Wi-Fi
     * hands out), or none when it listens on loopback only.
     */
    static List<String> studentAddresses(String host) {
        if (isLoopback(host)) return List.of();
        if (!isWildcard(host)) return List.of(host);
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress()) continue; // fe80:: needs a zone students lack
                    if (a instanceof Inet4Address) v4.add(a.getHostAddress());
                    else if (!host.equals("0.0.0.0")) v6.add(a.getHostAddress().replaceAll("%.*$", ""));
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        v4.addAll(v6);
        return v4;
    }

    /** The same endpoints with every URL's host replaced by {@code host} (the ARN and region stay). */
    static MockEndpoints at(MockEndpoints e, String host) {
        return new MockEndpoints(rehost(e.websocketUrl(), host), rehost(e.pollUrl(), host), rehost(e.snsEndpoint(), host),
                e.topicArn(), e.region(), rehost(e.invokeUrl(), host), rehost(e.connectionsUrl(), host),
                rehost(e.adminUrl(), host));
    }

    private static String rehost(String url, String host) {
        URI u = URI.create(url);
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return u.getScheme() + "://" + h + (u.getPort() < 0 ? "" : ":" + u.getPort()) + u.getRawPath()
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Who can do what from the network, off loopback. */
    static void print(PrintWriter out, String host, boolean token) {
        out.println("Reachable from the network on " + host + " (anyone who can reach this machine's ports):");
        out.println("  WebSocket        " + (token ? "with the class token only (?token=)" : "ANYONE: no --token"));
        out.println("  Poll, Invoke     anyone (API Gateway routes without an authorizer); invocations capped per client address");
        out.println("  SNS publish      anyone but a web page (a browser's unsigned POST and any GET are refused)");
        out.println("  SNS topics       create and delete: the instructor key only (as the AWS access key id)");
        out.println("  @connections     the instructor key only (in AWS: IAM-signed requests, which no student has)");
        out.println("  Admin, faults    the instructor key only, addressed to this machine's IP, never from a web page");
        HttpLimits limits = HttpLimits.defaults();
        out.println("  Every HTTP connection: its request head within " + limits.headTimeout().toSeconds() + " s, its body within "
                + limits.bodyTimeout().toSeconds() + " s, one request at a time. See docs/SECURITY.md.");
        out.println();
    }
}
