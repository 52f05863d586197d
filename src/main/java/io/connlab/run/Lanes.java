package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.lane.Lane;
import io.connlab.lane.LongPollLane;
import io.connlab.lane.PoolLane;
import io.connlab.lane.PoolMode;
import io.connlab.lane.ShortPollLane;
import io.connlab.lane.WebSocketLane;
import io.connlab.metrics.EventLog;
import io.connlab.metrics.LaneMetrics;
import io.connlab.metrics.LaneRecorder;
import io.connlab.metrics.Technique;
import io.connlab.metrics.TracingRecorder;
import io.connlab.metrics.WireTrace;

/** Builds the lane for a technique, wired to its metrics and its wire trace. */
final class Lanes {
    private Lanes() {
    }

    /** Why {@code profile} cannot run {@code t}, or null when it can. */
    static String unsupported(EndpointProfile profile, Technique t) {
        return switch (t) {
            case WEBSOCKET -> null;
            case LONG_POLL, SHORT_POLL -> profile.hasPoll() ? null : "the backend '" + profile.name() + "' has no poll URL";
            case POOL_POOLED, POOL_UNPOOLED, POOL_PROXY ->
                    profile.hasInvoke() ? null : "the backend '" + profile.name() + "' has no invoke URL";
        };
    }

    /**
     * New connections a second on a live stack: a fifth of the account's 500 (FACTS 6, shared by
     * every API in the region), so a whole class can start runs on one account at once.
     */
    static final int LIVE_CONNECTS_PER_SECOND = 100;

    static WebSocketLane.Settings webSocketSettings(EndpointProfile profile, String runId, int clients) {
        WebSocketLane.Settings s = WebSocketLane.Settings.of(runId, clients);
        return profile.kind() == EndpointProfile.Kind.LIVE ? s.withConnectsPerSecond(LIVE_CONNECTS_PER_SECOND) : s;
    }

    static RunLane create(EndpointProfile profile, RunSettings settings, String runId, Technique t, EventLog events) {
        int clients = settings.clientsPerLane();
        LaneMetrics metrics = new LaneMetrics(t.label(), t, clients, events);
        WireTrace trace = new WireTrace();
        LaneRecorder recorder = new TracingRecorder(metrics, trace, shape(t));
        Lane lane = switch (t) {
            case WEBSOCKET -> new WebSocketLane(Room.into(profile.websocketConnectUri(), settings.room()),
                    webSocketSettings(profile, runId, clients).withHeartbeat(settings.heartbeatInterval()), recorder);
            case LONG_POLL -> new LongPollLane(Room.into(profile.pollUrl(), settings.room()),
                    LongPollLane.Settings.of(runId, clients).withWait(settings.longPollWait()), recorder);
            case SHORT_POLL -> new ShortPollLane(Room.into(profile.pollUrl(), settings.room()),
                    ShortPollLane.Settings.of(runId, clients).withInterval(settings.shortPollInterval()), recorder);
            // The run invokes once per published message (rate 0: no timer of the lane's own),
            // with as many concurrent callers as that needs, up to the cap; past it, throttled.
            case POOL_POOLED, POOL_UNPOOLED, POOL_PROXY ->
                    new PoolLane(profile, PoolLane.Settings.of(PoolMode.parse(t.id()), 0, poolCallerCap(clients)), recorder);
        };
        return new RunLane(t, lane, metrics, trace);
    }

    /** The pool lanes' cap on concurrent callers (in effect the function's reserved concurrency): the clients setting, at least 20. */
    static int poolCallerCap(int clients) {
        return Math.max(20, clients);
    }

    private static TracingRecorder.Shape shape(Technique t) {
        return switch (t) {
            case WEBSOCKET -> TracingRecorder.Shape.PUSH;
            case LONG_POLL -> TracingRecorder.Shape.HOLD;
            case SHORT_POLL -> TracingRecorder.Shape.ASK;
            default -> TracingRecorder.Shape.INVOKE;
        };
    }
}
