package io.connlab.metrics;

/**
 * Turns a lane's snapshot into the {@link CostModel.Usage} its technique would be billed for
 * on AWS, under stated {@link Assumptions}:
 * <ul>
 * <li><b>WebSocket</b> (API Gateway WebSocket + Lambda): every frame either way is a message
 *   (deliveries, duplicates, foreign text, frames the lane sent, and with publish path
 *   WebSocket the publisher's {@code sendmessage}); connection minutes as measured; a function
 *   runs for each connect, disconnect, frame sent and message published (the fan-out), for
 *   {@code handlerMs} each plus {@code postMsPerConnection} per delivery it posts.</li>
 * <li><b>Long and short poll</b> (HTTP API + Lambda): one request and one invocation per poll;
 *   the function is billed for as long as the poll was held, taken as the measured time from
 *   request to answer (an upper bound: it includes the network round trip).</li>
 * <li><b>Pool</b> (HTTP API + Lambda, + RDS Proxy in proxy mode): one request and one
 *   invocation per invocation, billed for the function's reported duration plus init on
 *   cold starts; the proxy for {@code rdsProxyVcpus} (at least the minimum) over the run.</li>
 * <li>With publish path SNS, each lane that receives the stream carries one SNS publish per
 *   published message.</li>
 * </ul>
 */
public final class LaneCost {

    /**
     * What the estimate cannot measure and so assumes.
     *
     * @param stack               the stack the lanes would run on: each function's memory comes from it
     * @param publishViaSns       true when the run publishes through SNS, false through WebSocket sendmessage
     * @param handlerMs           how long a WebSocket route function runs per event
     * @param postMsPerConnection how long the fan-out function spends posting one message to one connection
     * @param rdsProxyVcpus       vCPUs of the database behind an RDS Proxy
     */
    public record Assumptions(LiveStack stack, boolean publishViaSns, double handlerMs,
                              double postMsPerConnection, int rdsProxyVcpus) {
        /** The shipped stack's functions (assets/aws/template.yaml, through live-stack.properties). */
        public static final Assumptions DEFAULT = new Assumptions(LiveStack.SHIPPED, true, 10, 1, 2);

        /**
         * The memory a technique's functions are billed at: the WebSocket lane's the fan-out's
         * (its connect and disconnect functions have the same size), the polls' the poll
         * function's, the pool lanes' the invoke function's.
         */
        public int memoryMb(Technique t) {
            return switch (t) {
                case WEBSOCKET -> stack.memoryMb(publishViaSns ? LiveStack.SNS_FUNCTION : LiveStack.SEND_MESSAGE_FUNCTION);
                case LONG_POLL, SHORT_POLL -> stack.memoryMb(LiveStack.POLL_FUNCTION);
                default -> stack.memoryMb(LiveStack.INVOKE_FUNCTION);
            };
        }
    }

    private LaneCost() {
    }

    /** The estimate for one lane. */
    public static CostModel.Estimate estimate(LaneSnapshot s, CostModel model, Assumptions a) {
        return model.estimate(usage(s, model.prices(), a));
    }

    /** What the lane's traffic would be billed for. */
    public static CostModel.Usage usage(LaneSnapshot s, Prices prices, Assumptions a) {
        long delivered = s.deliveredOrInvoked();
        long bytes = s.bytesUp() + s.bytesDown();
        long sns = a.publishViaSns() && s.technique() != null && !s.technique().isPool() ? s.published() : 0;
        long payload = s.delivered() == 0 ? 0 : s.bytesDown() / s.delivered();
        Technique t = s.technique() == null ? Technique.LONG_POLL : s.technique();
        switch (t) {
            case WEBSOCKET -> {
                long framesDown = s.delivered() + s.duplicates() + s.foreign();
                long framesUp = s.requests() + (a.publishViaSns() ? 0 : s.published());
                long messages = framesDown + framesUp;
                long closes = 0;
                for (long n : s.closesByCode().values()) {
                    closes += n;
                }
                long invocations = s.connectionsOpened() + closes + s.requests() + s.published();
                double ms = invocations * a.handlerMs() + (s.delivered() + s.duplicates()) * a.postMsPerConnection();
                return new CostModel.Usage(delivered, messages, messages == 0 ? 0 : bytes / messages,
                        s.connectionMinutes(), 0, 0, invocations, ms, a.memoryMb(t), sns, payload, 0);
            }
            case LONG_POLL, SHORT_POLL -> {
                long req = s.requests();
                return new CostModel.Usage(delivered, 0, 0, 0, req, req == 0 ? 0 : bytes / req,
                        req, s.requestHeldMs(), a.memoryMb(t), sns, payload, 0);
            }
            default -> {
                long inv = s.pool().invocations();
                double vcpuHours = t == Technique.POOL_PROXY
                        ? Math.max(a.rdsProxyVcpus(), prices.rdsProxyMinVcpus()) * s.elapsedMicros() / 3.6e9 : 0;
                return new CostModel.Usage(delivered, 0, 0, 0, inv, inv == 0 ? 0 : bytes / inv,
                        inv, s.pool().functionMs(), a.memoryMb(t), 0, 0, vcpuHours);
            }
        }
    }
}
