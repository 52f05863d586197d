package io.connlab.run;

import io.connlab.metrics.CostModel;
import io.connlab.metrics.LiveStack;
import io.connlab.metrics.Prices;
import io.connlab.metrics.Technique;

/**
 * What a run would cost on a live stack, shown before it starts, and whether it is dear enough
 * to ask first. A forecast from the settings alone, on list prices: what each lane would make
 * the stack do, summed into one {@link CostModel.Usage}, each function at its own memory (from
 * {@link LiveStack}, the table the template is held to), the DynamoDB requests the handlers make
 * (on-demand rates in {@link Prices}, unverified), plus the share of the standing
 * resources (the database option's) for the run's duration when the run uses the pool lanes.
 *
 * @param cost              the forecast, line by line
 * @param needsConfirmation true when the total is above the threshold the user set
 */
public record LiveRunEstimate(CostModel.Estimate cost, boolean needsConfirmation) {
    /** Runs forecast above this ask first: a cent is nothing, but a misplaced zero in the rate is not. */
    public static final double DEFAULT_CONFIRM_ABOVE_DOLLARS = 0.05;
    /** A long poll cannot come back more often than its round trip: at most this many per second and client. */
    static final double LONG_POLLS_PER_SECOND = 10;
    static final String STANDING = "Standing resources (database option) for the run";
    static final String DYNAMODB = "DynamoDB requests (rate unverified)";
    static final int DYNAMO_WRITES_PER_MESSAGE = 3;
    static final int DYNAMO_READS_PER_MESSAGE = 2;

    public static LiveRunEstimate of(RunSettings s, Prices prices, double confirmAboveDollars) {
        CostModel.Estimate e = withStanding(traffic(s, prices, LiveStack.SHIPPED, 1), s, LiveStack.SHIPPED);
        return new LiveRunEstimate(e, e.dollars() > confirmAboveDollars);
    }

    /**
     * What the run's traffic costs when {@code runsInRoom} runs like it share its room: each of its
     * receivers then gets every run's messages, and each message is posted to every run's
     * connections (1: a room of its own, the default).
     */
    static CostModel.Estimate traffic(RunSettings s, Prices prices, LiveStack stack, int runsInRoom) {
        double seconds = s.duration().toMillis() / 1000.0;
        long published = Math.round(s.ratePerSecond() * seconds);
        long received = published * runsInRoom;
        int c = s.clientsPerLane();
        long wsMessages = 0;
        double connectionMinutes = 0;
        long httpRequests = 0;
        long allPolls = 0;
        long lambdaInvocations = 0;
        double mbMs = 0; // each function's run time times its memory
        int wsReceivers = 0;
        for (Technique t : s.lanes()) {
            switch (t) {
                case WEBSOCKET -> {
                    wsMessages += received * c;
                    connectionMinutes += c * seconds / 60;
                    wsReceivers += c;
                }
                case LONG_POLL -> {
                    long polls = Math.round(c * Math.min(received, seconds * LONG_POLLS_PER_SECOND)
                            + c * seconds / Math.max(1, s.longPollWait().toSeconds()));
                    httpRequests += polls;
                    allPolls += polls;
                    lambdaInvocations += polls;
                    // a held poll keeps its function running the whole time
                    mbMs += c * seconds * 1000 * stack.memoryMb(LiveStack.POLL_FUNCTION);
                }
                case SHORT_POLL -> {
                    long polls = Math.round(c * seconds * 1000 / s.shortPollInterval().toMillis());
                    httpRequests += polls;
                    allPolls += polls;
                    lambdaInvocations += polls;
                    mbMs += polls * 30.0 * stack.memoryMb(LiveStack.POLL_FUNCTION);
                }
                default -> { // a pool lane: one invocation per published message
                    httpRequests += published;
                    lambdaInvocations += published;
                    mbMs += published * 20.0 * stack.memoryMb(LiveStack.INVOKE_FUNCTION);
                }
            }
        }
        boolean viaSocket = s.publish() == PublishPath.WEBSOCKET;
        if (viaSocket) {
            wsMessages += published + received; // the send, and the publisher's socket gets the room's messages too
            wsReceivers += 1;
        }
        // the fan-out function runs once per message and posts to every connection in the room
        lambdaInvocations += published;
        String fanOut = viaSocket ? LiveStack.SEND_MESSAGE_FUNCTION : LiveStack.SNS_FUNCTION;
        mbMs += published * (30.0 + 2.0 * wsReceivers * runsInRoom) * stack.memoryMb(fanOut);
        long snsPublishes = viaSocket ? 0 : published;
        // Usage takes one memory size: the run time is given at 1 GB, which makes the GB-seconds exact
        CostModel.Usage u = new CostModel.Usage(published, wsMessages, s.payloadBytes(), connectionMinutes,
                httpRequests, s.payloadBytes(), lambdaInvocations, mbMs / 1024, 1024, snsPublishes, s.payloadBytes(), 0);
        // the tables the handlers use, on demand: each message is appended once to the room's log
        // (counter, item, dedupe marker: 3 writes) after a dedupe read and the room's connections query
        // (2 reads); each poll reads the log once. Small items: one request unit each (an approximation).
        long dynamoWrites = published * DYNAMO_WRITES_PER_MESSAGE;
        long dynamoReads = published * DYNAMO_READS_PER_MESSAGE + allPolls;
        return new CostModel(prices).estimate(u).plus(new CostModel.Line(DYNAMODB, dynamoWrites + dynamoReads, "request units",
                dynamoWrites / 1e6 * prices.dynamoWritesPerMillion() + dynamoReads / 1e6 * prices.dynamoReadsPerMillion()));
    }


    /** The estimate plus the standing resources for the run's duration, when the run needs them (a pool lane). */
    static CostModel.Estimate withStanding(CostModel.Estimate traffic, RunSettings s, LiveStack stack) {
        return withStanding(traffic, s, stack, s.duration());
    }

    /** The same, the stack standing for {@code standsFor} (a workshop hour, say) rather than the run. */
    static CostModel.Estimate withStanding(CostModel.Estimate traffic, RunSettings s, LiveStack stack, java.time.Duration standsFor) {
        if (s.lanes().stream().noneMatch(Technique::isPool)) return traffic;
        double hours = standsFor.toMillis() / 3_600_000.0;
        return traffic.plus(new CostModel.Line(STANDING, hours, "hours", hours * stack.standingDollarsPerHour()));
    }

    /** One line for the confirmation: "about $0.0123 for 600 messages to 3 lanes". */
    public String summary(RunSettings s) {
        return String.format(java.util.Locale.ROOT, "about $%.4f at list prices for %d messages to %s (%d client%s each)",
                cost.dollars(), cost.delivered(), s.lanesLabel(), s.clientsPerLane(), s.clientsPerLane() == 1 ? "" : "s");
    }
}
