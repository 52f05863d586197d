package io.connlab.run;

/** The lanes of a run, in the order the window and the comparison table show them. */
public enum LaneKind {
    WEBSOCKET("WebSocket", "websocket"),
    LONG_POLL("Long poll", "long-poll"),
    SHORT_POLL("Short poll", "short-poll"),
    POOL_POOLED("Pool: pooled", "pooled"),
    POOL_UNPOOLED("Pool: unpooled", "unpooled"),
    POOL_PROXY("Pool: proxy", "proxy");

    private final String title;
    private final String id;

    LaneKind(String title, String id) {
        this.title = title;
        this.id = id;
    }

    /** What the user reads: "Long poll". */
    public String title() {
        return title;
    }

    /** What the command line and files use: "long-poll". */
    public String id() {
        return id;
    }

    public boolean isPool() {
        return this == POOL_POOLED || this == POOL_UNPOOLED || this == POOL_PROXY;
    }

    /** The invoke mode of a pool lane ("pooled", "unpooled", "proxy"). */
    public String poolMode() {
        if (!isPool()) throw new IllegalStateException(this + " is not a pool lane");
        return id;
    }

    public static LaneKind fromId(String id) {
        for (LaneKind k : values()) if (k.id.equals(id)) return k;
        throw new IllegalArgumentException("unknown lane '" + id + "'");
    }
}
