package io.connlab.mock.edge;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Added round-trip time and jitter, changeable at run time and shared by every edge
 * listener. Each direction of a connection is delayed by half the RTT plus a uniform
 * share of the jitter; bytes of one connection never overtake each other.
 */
public final class NetworkConditions {
    private volatile int rttMillis;
    private volatile int jitterMillis;

    public NetworkConditions(int rttMillis, int jitterMillis) {
        set(rttMillis, jitterMillis);
    }

    public void set(int rttMillis, int jitterMillis) {
        if (rttMillis < 0 || rttMillis > 60_000 || jitterMillis < 0 || jitterMillis > 60_000) {
            throw new IllegalArgumentException("rtt and jitter must be 0..60000 ms");
        }
        this.rttMillis = rttMillis;
        this.jitterMillis = jitterMillis;
    }

    public int rttMillis() {
        return rttMillis;
    }

    public int jitterMillis() {
        return jitterMillis;
    }

    /** True when no delay is configured, so the edge can forward at once. */
    public boolean isIdeal() {
        return rttMillis == 0 && jitterMillis == 0;
    }

    /** One direction's delay in nanoseconds: rtt/2 +/- jitter/2, never negative. */
    public long oneWayDelayNanos() {
        int rtt = rttMillis;
        int jitter = jitterMillis;
        double ms = rtt / 2.0;
        if (jitter > 0) ms += (ThreadLocalRandom.current().nextDouble() - 0.5) * jitter;
        return Math.max(0, (long) (ms * 1_000_000));
    }
}
