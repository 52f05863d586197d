package io.connlab.app.engine;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.Prices;
import io.connlab.run.LiveLoad;
import io.connlab.run.LiveRunEstimate;
import io.connlab.run.PublishPath;
import io.connlab.run.RunForProfile;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.LiveCost;

import java.util.Optional;

/** What the window's run will be on a backend, and what it costs there: the same forecast and threshold as {@code bench}. */
final class LiveCosts {
    private LiveCosts() {
    }

    /** The run this backend can do: lanes without an endpoint left out (shown as unavailable), a publish path it has. */
    static RunForProfile.Fitted fit(RunSettings settings, EndpointProfile p) {
        return RunForProfile.fit(settings, p, false, settings.publish() == PublishPath.WEBSOCKET || p.hasSns());
    }

    /** The forecast on a live profile; empty on the mock (or none yet). */
    static Optional<LiveCost> of(EndpointProfile p, RunSettings settings) {
        if (p == null || p.kind() != EndpointProfile.Kind.LIVE) return Optional.empty();
        RunSettings s = fit(settings, p).settings();
        LiveRunEstimate e = LiveRunEstimate.of(s, Prices.CURRENT, LiveRunEstimate.DEFAULT_CONFIRM_ABOVE_DOLLARS);
        return Optional.of(new LiveCost(p.name(), e.cost().dollars(), e.cost().delivered(), s.lanesLabel(), s.clientsPerLane(),
                LiveRunEstimate.DEFAULT_CONFIRM_ABOVE_DOLLARS, LiveLoad.of(s)));
    }
}
