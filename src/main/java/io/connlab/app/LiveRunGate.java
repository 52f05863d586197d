package io.connlab.app;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.Prices;
import io.connlab.run.LiveLoad;
import io.connlab.run.LiveRunEstimate;
import io.connlab.run.RunSettings;

import java.io.PrintWriter;

/** Before a headless run on a live stack: say what it would cost, and stop above the threshold unless told --yes. */
final class LiveRunGate {
    private LiveRunGate() {
    }

    /** True when the run may start; the mock always may, and is never priced here. */
    static boolean allows(EndpointProfile p, RunSettings s, boolean yes, double confirmAbove, PrintWriter err) {
        if (p.kind() != EndpointProfile.Kind.LIVE) return true;
        LiveRunEstimate e = LiveRunEstimate.of(s, Prices.CURRENT, confirmAbove);
        err.println("Live run on " + p.name() + ": " + e.summary(s) + ".");
        LiveLoad l = LiveLoad.of(s);
        err.printf(java.util.Locale.ROOT, "Throttles: %,d requests/s on the HTTP stage (%,d on /invoke), %,d/s for all the account's APIs"
                + " together, %,d new WebSocket connections/s. This run: about %,d requests/s to the HTTP API and %,d @connections"
                + " posts/s.%s%n",
                l.stageRequestsPerSecond(), l.invokeRequestsPerSecond(), l.accountRequestsPerSecond(), l.accountNewConnectionsPerSecond(),
                Math.round(l.httpRequestsPerSecond()), Math.round(l.connectionPostsPerSecond()),
                l.overStage() ? " That is over the " + l.passedLimit() + " requests/s throttle: expect 429 Too Many Requests." : "");
        if (!e.needsConfirmation() || yes) return true;
        err.printf(java.util.Locale.ROOT, "That is above $%.2f: add --yes to run it anyway, or lower --rate, --duration or --clients.%n",
                confirmAbove);
        return false;
    }
}
