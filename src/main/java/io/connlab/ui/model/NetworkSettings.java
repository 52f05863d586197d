package io.connlab.ui.model;

/**
 * The mock backend's network conditions and time scale, as the toolbar sets them.
 *
 * @param timeScale how many times faster than real time the gateway's timeouts run (1 = real)
 */
public record NetworkSettings(int rttMillis, int jitterMillis, int timeScale) {

    public static final int MAX_RTT = 2_000;
    public static final int MAX_JITTER = 1_000;

    public NetworkSettings {
        if (rttMillis < 0 || rttMillis > MAX_RTT) throw new IllegalArgumentException("RTT must be 0.." + MAX_RTT + " ms");
        if (jitterMillis < 0 || jitterMillis > MAX_JITTER) {
            throw new IllegalArgumentException("jitter must be 0.." + MAX_JITTER + " ms");
        }
        if (timeScale < 1) throw new IllegalArgumentException("time scale must be 1 or more");
    }
}
