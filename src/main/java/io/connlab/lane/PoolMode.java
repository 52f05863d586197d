package io.connlab.lane;

import java.util.Locale;

/** How the function reaches the database: its own small pool, a new connection per call, or a shared proxy pool (RDS Proxy). */
public enum PoolMode {
    POOLED, UNPOOLED, PROXY;

    /** The {@code mode=} value of the invoke endpoint. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts "pooled", "UNPOOLED", " proxy ". */
    public static PoolMode parse(String s) {
        if (s != null) {
            for (PoolMode m : values()) if (m.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) return m;
        }
        throw new IllegalArgumentException("pool mode must be pooled, unpooled or proxy, got '" + s + "'");
    }
}
