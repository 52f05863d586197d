package io.connlab.metrics;

/** The ways a lane can receive the run's messages; decides how its cost is estimated. */
public enum Technique {
    WEBSOCKET("WebSocket"),
    LONG_POLL("Long poll"),
    SHORT_POLL("Short poll"),
    POOL_POOLED("Pool: pooled"),
    POOL_UNPOOLED("Pool: unpooled"),
    POOL_PROXY("Pool: proxy");

    private final String label;

    Technique(String label) {
        this.label = label;
    }

    /** The lane's name as the user reads it. */
    public String label() {
        return label;
    }

    /** True for the lanes that invoke a function against the database instead of receiving messages. */
    public boolean isPool() {
        return this == POOL_POOLED || this == POOL_UNPOOLED || this == POOL_PROXY;
    }
}
