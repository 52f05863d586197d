package io.connlab.metrics;

import org.HdrHistogram.Histogram;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pool lane's invocation figures: how many, failed, cold starts, billed function time, the
 * containers seen, what the answers said about the database, and connect/query/round-trip
 * latencies. Written from the lane's threads, read by {@link LaneMetrics}'s snapshot.
 */
final class InvocationFigures {
    private static final int MAX_CONTAINERS = 100_000;

    private final LongAdder invocations = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder coldStarts = new LongAdder();
    private final LongAdder functionMicros = new LongAdder();
    private final Set<String> containers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dbLast = new AtomicInteger();
    private final AtomicInteger dbMax = new AtomicInteger();
    private final AtomicInteger dbMaxConnections = new AtomicInteger();
    private final LatencyRecorder connectMs = new LatencyRecorder();
    private final LatencyRecorder queryMs = new LatencyRecorder();
    private final LatencyRecorder roundTripMs = new LatencyRecorder();

    /** Counts one invocation's answer (failed or not); the caller reports its events and errors. */
    void record(LaneRecorder.Invocation r) {
        invocations.increment();
        roundTripMs.recordMillis(r.roundTripMs());
        double billedMs = positive(r.totalMs()) + (r.coldStart() ? positive(r.initMs()) : 0);
        functionMicros.add(Math.round(billedMs * 1000));
        if (r.container() != null && containers.size() < MAX_CONTAINERS) {
            containers.add(r.container());
        }
        if (r.coldStart()) {
            coldStarts.increment();
        }
        if (r.dbConnections() >= 0) {
            dbLast.set(r.dbConnections());
            dbMax.accumulateAndGet(r.dbConnections(), Math::max);
        }
        if (r.dbMaxConnections() > 0) {
            dbMaxConnections.set(r.dbMaxConnections());
        }
        if (r.failed()) {
            failed.increment();
        } else {
            connectMs.recordMillis(r.connectMs());
            queryMs.recordMillis(r.queryMs());
        }
    }

    /** A call the lane's cap refused: never sent. */
    void throttled() {
        throttled.increment();
    }

    long throttledCount() {
        return throttled.sum();
    }

    long failedCount() {
        return failed.sum();
    }

    long succeeded() {
        return invocations.sum() - failed.sum();
    }

    /** Ends the interval of the interval histograms; returns the round trips of the interval. Under the snapshot lock. */
    Histogram drain() {
        connectMs.drain();
        queryMs.drain();
        return roundTripMs.drain();
    }

    LaneSnapshot.Pool snapshot() {
        return invocations.sum() == 0 && throttled.sum() == 0 ? LaneSnapshot.Pool.NONE : new LaneSnapshot.Pool(
                invocations.sum(), failed.sum(), throttled.sum(), coldStarts.sum(), containers.size(),
                connectMs.summary(), queryMs.summary(), roundTripMs.summary(), functionMicros.sum() / 1000.0,
                dbLast.get(), dbMax.get(), dbMaxConnections.get());
    }

    private static double positive(double v) {
        return Double.isNaN(v) || v < 0 ? 0 : v;
    }
}
