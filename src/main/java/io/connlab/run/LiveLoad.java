package io.connlab.run;

import io.connlab.metrics.LiveStack;
import io.connlab.metrics.Technique;

/**
 * What a run will send against a live stack's throttles, per second at its steady rate, beside the
 * throttles themselves: each stage's (from the template, {@link LiveStack}), API Gateway's
 * account-wide request rate shared by every API in the Region, and the account's new WebSocket
 * connections a second. Said when a live run starts, so a class knows what it shares.
 *
 * @param httpRequestsPerSecond   polls and invocations to the HTTP API's stage
 * @param invokesPerSecond        of those, the pool lanes' calls to {@code /invoke}, which has a lower throttle of its own
 * @param connectionPostsPerSecond {@code @connections} posts the fan-out makes (one per message and connection in the room)
 * @param webSocketConnections    connections the run opens at its start, at most {@code connectsPerSecond} a second
 */
public record LiveLoad(double httpRequestsPerSecond, double invokesPerSecond, double connectionPostsPerSecond,
                       int webSocketConnections, int connectsPerSecond, int stageRequestsPerSecond,
                       int invokeRequestsPerSecond, int accountRequestsPerSecond, int accountNewConnectionsPerSecond) {

    public static LiveLoad of(RunSettings s) {
        return of(s, LiveStack.SHIPPED);
    }

    static LiveLoad of(RunSettings s, LiveStack stack) {
        int c = s.clientsPerLane();
        double rate = s.ratePerSecond();
        double http = 0;
        double invokes = 0;
        int sockets = s.publish() == PublishPath.WEBSOCKET ? 1 : 0;
        for (Technique t : s.lanes()) {
            switch (t) {
                case WEBSOCKET -> sockets += c;
                case LONG_POLL -> http += c * Math.min(rate, LiveRunEstimate.LONG_POLLS_PER_SECOND);
                case SHORT_POLL -> http += c * 1000.0 / s.shortPollInterval().toMillis();
                default -> invokes += rate; // a pool lane invokes once per message
            }
        }
        return new LiveLoad(http + invokes, invokes, rate * sockets, sockets, Lanes.LIVE_CONNECTS_PER_SECOND,
                stack.throttle(LiveStack.HTTP_STAGE).rateLimit(), stack.throttle(LiveStack.INVOKE_ROUTE).rateLimit(),
                LiveStack.ACCOUNT_REQUESTS_PER_SECOND, LiveStack.ACCOUNT_NEW_CONNECTIONS_PER_SECOND);
    }

    /** Every request this run makes to API Gateway a second: the HTTP API's and the @connections posts. */
    public double accountRequestsUsed() {
        return httpRequestsPerSecond + connectionPostsPerSecond;
    }

    /** True when the HTTP API's share alone passes its stage's throttle or /invoke's: expect 429 answers. */
    public boolean overStage() {
        return passedLimit() > 0;
    }

    /** The throttle this run passes, in requests a second: /invoke's, else the HTTP stage's; 0 when it passes none. */
    public int passedLimit() {
        if (invokesPerSecond > invokeRequestsPerSecond) return invokeRequestsPerSecond;
        return httpRequestsPerSecond > stageRequestsPerSecond ? stageRequestsPerSecond : 0;
    }

    /** True when the run alone passes the account's rate, before anyone else's traffic. */
    public boolean overAccount() {
        return accountRequestsUsed() > accountRequestsPerSecond;
    }
}
