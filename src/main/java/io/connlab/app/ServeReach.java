package io.connlab.app;

import io.connlab.mock.http.HttpLimits;

import java.io.PrintWriter;

/**
 * What {@code serve} off loopback prints about who can do what from the network, with the
 * token or without it (docs/SECURITY.md has the whole model).
 */
final class ServeReach {
    private ServeReach() {
    }

    static void print(PrintWriter out, String host, boolean token) {
        out.println("Reachable from the network on " + host + " (anyone who can reach this machine's ports):");
        out.println("  WebSocket        " + (token ? "with ?token= only" : "ANYONE: no --token"));
        out.println("  Poll, Invoke     anyone (API Gateway routes without an authorizer)");
        out.println("  SNS publish      anyone but a web page (a browser's unsigned POST is refused)");
        out.println("  @connections     " + (token ? "with the token only (Authorization: Bearer T or ?token=T)"
                : "ANYONE: can post to, read and disconnect every connection"));
        out.println("  Admin            " + (token ? "with the token only" : "ANYONE: can list connections, drop them all,"
                + " stop the database, set the RTT") + ", addressed to this machine's IP, never from a web page");
        HttpLimits limits = HttpLimits.defaults();
        out.println("  Every HTTP connection: its request head within " + limits.headTimeout().toSeconds() + " s, its body within "
                + limits.bodyTimeout().toSeconds() + " s, one request at a time. See docs/SECURITY.md.");
        out.println();
    }
}
