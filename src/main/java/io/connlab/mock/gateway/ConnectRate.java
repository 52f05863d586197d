package io.connlab.mock.gateway;

import java.util.function.LongSupplier;

/**
 * Counts new connections in the current second, like API Gateway's per-second connect quota.
 * Shared by every front door of one gateway so the quota is per API, not per listener.
 */
final class ConnectRate {
    private static final long SECOND = 1_000_000_000L;
    private final int perSecond;
    private final LongSupplier nanoClock;
    private long currentSecond = Long.MIN_VALUE;
    private int countThisSecond;

    ConnectRate(int perSecond, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
    }

    /** True when one more connection fits in the current second (and counts it). */
    synchronized boolean tryAcquire() {
        long second = Math.floorDiv(nanoClock.getAsLong(), SECOND);
        if (second != currentSecond) {
            currentSecond = second;
            countThisSecond = 0;
        }
        if (countThisSecond >= perSecond) return false;
        countThisSecond++;
        return true;
    }
}
