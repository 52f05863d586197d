package io.connlab.run;

import io.connlab.metrics.CostModel;
import io.connlab.metrics.Prices;
import io.connlab.metrics.Technique;

/**
 * What a run would cost on a live stack, shown before it starts, and whether it is dear enough
 * to ask first. A forecast from the settings alone, on list prices: what each lane would make
 * the stack do, summed into one {@link CostModel.Usage}.
 *
 * @param cost              the forecast, line by line
 * @param needsConfirmation true when the total is above the threshold the user set
 */
public record LiveRunEstimate(CostModel.Estimate cost, boolean needsConfirmation) {
    /** Runs forecast above this ask first: a cent is nothing, but a misplaced zero in the rate is not. */
    public static final double DEFAULT_CONFIRM_ABOVE_DOLLARS = 0.05;
    /** The stack's functions: 256 MB (see assets/aws/template.yaml). */
    static final int FUNCTION_MB = 256;
    /** A long poll cannot come back more often than its round trip: at most this many per second and client. */
    static final double LONG_POLLS_PER_SECOND = 10;

    public static LiveRunEstimate of(RunSettings s, Prices prices, double confirmAboveDollars) {
        double seconds = s.duration().toMillis() / 1000.0;
        long published = Math.round(s.ratePerSecond() * seconds);
        int c = s.clientsPerLane();
        long wsMessages = 0;
        double connectionMinutes = 0;
        long httpRequests = 0;
        long lambdaInvocations = 0;
        double lambdaMs = 0;
        for (Technique t : s.lanes()) {
            switch (t) {
                case WEBSOCKET -> {
                    wsMessages += published * c;
                    connectionMinutes += c * seconds / 60;
                }
                case LONG_POLL -> {
                    long polls = Math.round(c * Math.min(published, seconds * LONG_POLLS_PER_SECOND)
                            + c * seconds / Math.max(1, s.longPollWait().toSeconds()));
                    httpRequests += polls;
                    lambdaInvocations += polls;
                    lambdaMs += c * seconds * 1000; // a held poll keeps its function running the whole time
                }
                case SHORT_POLL -> {
                    long polls = Math.round(c * seconds * 1000 / s.shortPollInterval().toMillis());
                    httpRequests += polls;
                    lambdaInvocations += polls;
                    lambdaMs += polls * 30.0;
                }
                default -> { // a pool lane: one invocation per published message
                    httpRequests += published;
                    lambdaInvocations += published;
                    lambdaMs += published * 20.0;
                }
            }
        }
        if (s.publish() == PublishPath.WEBSOCKET) wsMessages += published;
        // the fan-out function runs once per message and posts to every connection
        lambdaInvocations += published;
        lambdaMs += published * (30.0 + 2.0 * c);
        long snsPublishes = s.publish() == PublishPath.SNS ? published : 0;
        CostModel.Usage u = new CostModel.Usage(published, wsMessages, s.payloadBytes(), connectionMinutes,
                httpRequests, s.payloadBytes(), lambdaInvocations, lambdaMs, FUNCTION_MB, snsPublishes, s.payloadBytes(), 0);
        CostModel.Estimate e = new CostModel(prices).estimate(u);
        return new LiveRunEstimate(e, e.dollars() > confirmAboveDollars);
    }

    /** One line for the confirmation: "about $0.0123 for 600 messages to 3 lanes". */
    public String summary(RunSettings s) {
        return String.format(java.util.Locale.ROOT, "about $%.4f at list prices for %d messages to %s (%d client%s each)",
                cost.dollars(), cost.delivered(), s.lanesLabel(), s.clientsPerLane(), s.clientsPerLane() == 1 ? "" : "s");
    }
}
