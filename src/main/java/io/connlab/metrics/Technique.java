package io.connlab.metrics;

/**
 * The lanes of a run, one per technique, in the order the window and the comparison table
 * show them; also decides how a lane's cost is estimated.
 */
public enum Technique {
    WEBSOCKET("WebSocket", "websocket"),
    LONG_POLL("Long poll", "long-poll"),
    SHORT_POLL("Short poll", "short-poll"),
    POOL_POOLED("Pool: pooled", "pooled"),
    POOL_UNPOOLED("Pool: unpooled", "unpooled"),
    POOL_PROXY("Pool: proxy", "proxy");

    private final String label;
    private final String id;

    Technique(String label, String id) {
        this.label = label;
        this.id = id;
    }

    /** The lane's name as the user reads it: "Long poll". */
    public String label() {
        return label;
    }

    /** The name the command line and files use: "long-poll"; for pool lanes also the invoke mode. */
    public String id() {
        return id;
    }

    /** True for the lanes that invoke a function against the database instead of receiving messages. */
    public boolean isPool() {
        return this == POOL_POOLED || this == POOL_UNPOOLED || this == POOL_PROXY;
    }
}
