package io.connlab.mock.function;

import java.time.Duration;

/**
 * How the simulated Lambda functions behave. Durations that AWS counts in minutes and hours
 * ({@code idleReclaim}, {@code maxLifetime}) are divided by the mock's time scale; the cold
 * start's {@code initDelay} and the borrow timeouts are not.
 *
 * @param concurrencyLimit       containers per function (per mode); past it, 429 TooManyRequestsException
 * @param initDelay              a cold start's init phase, before the handler runs
 * @param idleReclaim            an idle container is reclaimed after this long unused (Lambda: minutes)
 * @param maxLifetime            a container is recycled after this long, even if busy all along (Lambda: hours)
 * @param proxyShare             share of the database's max_connections the proxy's shared pool may hold
 * @param proxyBorrowTimeout     how long an invocation waits for a connection from the proxy's pool
 * @param containerBorrowTimeout how long a pooled container waits for its one connection
 */
public record FunctionSettings(int concurrencyLimit, Duration initDelay, Duration idleReclaim, Duration maxLifetime,
                               double proxyShare, Duration proxyBorrowTimeout, Duration containerBorrowTimeout) {

    public FunctionSettings {
        if (concurrencyLimit < 1 || concurrencyLimit > 10_000) {
            throw new IllegalArgumentException("concurrency limit must be 1..10000, got " + concurrencyLimit);
        }
        requirePositive("init delay", initDelay, true);
        requirePositive("idle reclaim", idleReclaim, false);
        requirePositive("max lifetime", maxLifetime, false);
        requirePositive("proxy borrow timeout", proxyBorrowTimeout, false);
        requirePositive("container borrow timeout", containerBorrowTimeout, false);
        if (!(proxyShare > 0 && proxyShare <= 1)) {
            throw new IllegalArgumentException("proxy share must be in (0, 1], got " + proxyShare);
        }
    }

    /** Lambda's and RDS Proxy's usual numbers: 100 concurrent, 300 ms init, 10 min idle, 2 h life, 50 %, 5 s. */
    public static FunctionSettings defaults() {
        return new FunctionSettings(100, Duration.ofMillis(300), Duration.ofMinutes(10), Duration.ofHours(2),
                0.5, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    public FunctionSettings withConcurrencyLimit(int limit) {
        return new FunctionSettings(limit, initDelay, idleReclaim, maxLifetime, proxyShare, proxyBorrowTimeout, containerBorrowTimeout);
    }

    public FunctionSettings withInitDelay(Duration d) {
        return new FunctionSettings(concurrencyLimit, d, idleReclaim, maxLifetime, proxyShare, proxyBorrowTimeout, containerBorrowTimeout);
    }

    public FunctionSettings withLifetimes(Duration idle, Duration max) {
        return new FunctionSettings(concurrencyLimit, initDelay, idle, max, proxyShare, proxyBorrowTimeout, containerBorrowTimeout);
    }

    public FunctionSettings withProxy(double share, Duration borrowTimeout) {
        return new FunctionSettings(concurrencyLimit, initDelay, idleReclaim, maxLifetime, share, borrowTimeout, containerBorrowTimeout);
    }

    private static void requirePositive(String what, Duration d, boolean zeroAllowed) {
        if (d == null || d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ", got " + d);
        }
    }
}
