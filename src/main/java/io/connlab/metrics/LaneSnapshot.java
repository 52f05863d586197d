package io.connlab.metrics;

import java.util.Map;

/**
 * Every figure of one lane at one moment, immutable: what a view draws and what {@code bench}
 * prints. Taken with {@link LaneMetrics#snapshot()}, cheap enough to take every frame.
 *
 * <p>Delivery: {@code delivered} counts distinct seqs that reached a client (summed over
 * clients), {@code duplicates} the repeats. {@code lost} counts, over all clients, the seqs from
 * the moment each client was expected (the run's first seq, or the next one published when a
 * late client first showed up) up to {@code settledUpTo} that never arrived; seqs above
 * {@code settledUpTo} may still be in flight and are not judged yet. {@code expected} is the
 * number of deliveries that range asks for.
 *
 * <p>Bytes: {@code bytesUp}/{@code bytesDown} are what the lane reported; when
 * {@code bytesEstimatedHow} is not null they are estimates made that way, not socket counts.
 *
 * @param atMicros            when the snapshot was taken (wall clock, microseconds)
 * @param elapsedMicros       since the metrics were created
 * @param published           seqs the publisher reported
 * @param settledUpTo         the highest seq judged for loss; below the first seq when none is settled yet
 * @param latency             delivery latency (sentAt to received), ms
 * @param emptyResponses      2xx HTTP answers holding no message
 * @param connectionsOpen     connections open now
 * @param reconnects          connections opened by a client that had been connected before
 * @param reconnectAttempts   reconnect attempts the lane announced
 * @param connectionMinutes   summed over clients, including connections still open
 * @param gaps                times the server said messages were lost; {@code gapMissed} how many, where told
 * @param foreign             messages that were not this run's, and their bytes
 * @param requestHeldMs       summed time from a request to its HTTP answer (how long polls held their function)
 * @param pool                the pool lanes' figures (all zero for other lanes)
 */
public record LaneSnapshot(
        String lane, Technique technique, long atMicros, long elapsedMicros, int clients,
        long published, long settledUpTo, long expected, long delivered, long duplicates, long lost,
        Percentiles latency,
        long requests, long responses, long emptyResponses, Map<Integer, Long> responsesByStatus,
        long connectionsOpened, long connectionsOpen, Map<Integer, Long> closesByCode,
        long reconnects, long reconnectAttempts, double connectionMinutes,
        long gaps, long gapMissed, long foreign, long foreignBytes,
        long errors, Map<String, Long> errorsByKind,
        long bytesUp, long bytesDown, String bytesEstimatedHow,
        double requestHeldMs,
        Pool pool) {

    /**
     * Pool lanes: function invocations and what they said about the database.
     *
     * @param throttled      calls the lane's cap on concurrent callers refused (never sent; the message went unprocessed)
     * @param functionMs     billed function time: each invocation's duration plus its init time on a cold start
     * @param roundTripMs    invocation round trip as the client saw it
     * @param dbConnectionsLast the database connections in use in the latest answer; {@code dbConnectionsMax} the most seen
     * @param dbMaxConnections the database's max_connections as last reported (0 if never)
     */
    public record Pool(long invocations, long failed, long throttled, long coldStarts, int containers,
                       Percentiles connectMs, Percentiles queryMs, Percentiles roundTripMs, double functionMs,
                       int dbConnectionsLast, int dbConnectionsMax, int dbMaxConnections) {

        public static final Pool NONE = new Pool(0, 0, 0, 0, 0, Percentiles.EMPTY, Percentiles.EMPTY,
                Percentiles.EMPTY, 0, 0, 0, 0);

        public long succeeded() {
            return invocations - failed;
        }
    }

    /** A lane before its first run: nothing counted, no latency; what the window's table shows until a run starts. */
    public static LaneSnapshot idle(Technique technique) {
        return new LaneSnapshot(technique.label(), technique, 0, 0, 0, 0, -1, 0, 0, 0, 0, Percentiles.EMPTY,
                0, 0, 0, Map.of(), 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, null, 0, Pool.NONE);
    }

    /** True when the byte figures are estimates rather than counted at the socket. */
    public boolean bytesEstimated() {
        return bytesEstimatedHow != null;
    }

    /**
     * What this lane got done: distinct deliveries (for a pool lane, the messages its function
     * processed: successful invocations, one per message). Cost per million is per this figure.
     */
    public long deliveredOrInvoked() {
        return delivered;
    }

    /** The latency to show for the lane: deliveries, or for a pool lane without them, invocation round trips. */
    public Percentiles headlineLatency() {
        return latency.isEmpty() && pool.invocations() > 0 ? pool.roundTripMs() : latency;
    }
}
