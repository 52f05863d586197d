package io.connlab.lesson;

/**
 * How the bundled mock must be started for an experiment: the time scale that divides the
 * gateway's and Lambda's timeouts, the added network conditions, and the database's
 * {@code max_connections}. A lesson cannot run on a live stack: these are the mock's knobs.
 */
public record BackendSetup(double timeScale, int rttMillis, int jitterMillis, int maxConnections) {
    public static final int MAX_TIME_SCALE = 600;
    public static final int MAX_NETWORK_MILLIS = 5_000;

    public BackendSetup {
        if (!(timeScale >= 1 && timeScale <= MAX_TIME_SCALE)) {
            throw new IllegalArgumentException("time-scale must be 1.." + MAX_TIME_SCALE + ", got " + timeScale);
        }
        if (rttMillis < 0 || rttMillis > MAX_NETWORK_MILLIS || jitterMillis < 0 || jitterMillis > MAX_NETWORK_MILLIS) {
            throw new IllegalArgumentException("rtt and jitter must be 0.." + MAX_NETWORK_MILLIS + " ms");
        }
        if (maxConnections < 1 || maxConnections > 10_000) {
            throw new IllegalArgumentException("max-connections must be 1..10000, got " + maxConnections);
        }
    }

    /** Real time, no added latency, PostgreSQL's default 100 connections. */
    public static BackendSetup defaults() {
        return new BackendSetup(1, 0, 0, 100);
    }
}
