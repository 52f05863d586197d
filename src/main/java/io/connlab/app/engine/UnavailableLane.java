package io.connlab.app.engine;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.ui.model.I18n;
import io.connlab.metrics.WireEvent;
import io.connlab.ui.model.LaneFeed;
import io.connlab.ui.model.LaneFigures;

import java.util.List;
import java.util.Optional;

/** A lane the backend has no endpoint for: idle, with the reason as its detail, never an error. */
final class UnavailableLane {
    private UnavailableLane() {
    }

    private static final java.util.Map<String, LaneFeed> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The lane's feed when {@code profile} has no endpoint for it; empty when it can run it. FX thread, at once. */
    static Optional<LaneFeed> on(EndpointProfile profile, Technique kind) {
        if (profile == null) return Optional.empty();
        String why = kind.isPool() ? (profile.hasInvoke() ? null : I18n.t("lane.noInvokeUrl"))
                : kind == Technique.WEBSOCKET || profile.hasPoll() ? null : I18n.t("lane.noPollUrl");
        return Optional.ofNullable(why).map(UnavailableLane::saying);
    }

    /** Asked for every frame: made once per reason. */
    static LaneFeed saying(String why) {
        return MADE.computeIfAbsent(why, UnavailableLane::make);
    }

    private static LaneFeed make(String why) {
        LaneFigures f = LaneFigures.idle();
        LaneFigures figures = new LaneFigures(LaneState.IDLE, why, 0, 0, 0, f.p50Ms(), f.p90Ms(), f.p99Ms(), f.maxMs(),
                f.recentP50Ms(), f.recentP99Ms(), 0, 0, 0, 0, 0, 0, 0, 0, f.costPerMillion(), null);
        return new LaneFeed() {
            @Override
            public LaneFigures figures() {
                return figures;
            }

            @Override
            public List<WireEvent> wireSince(long micros) {
                return List.of();
            }
        };
    }
}
