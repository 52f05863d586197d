package io.connlab.mock.function;

import java.util.Locale;
import java.util.Optional;

/** How a simulated function reaches the database; each mode is its own function with its own containers. */
public enum InvocationMode {
    /** Each container holds its own HikariCP pool of one connection, created at init. */
    POOLED,
    /** Each invocation opens a JDBC connection and closes it afterwards. */
    UNPOOLED,
    /** Every container borrows from one shared pool in front of the database, like RDS Proxy. */
    PROXY;

    /** The name in {@code ?mode=} and in JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InvocationMode> parse(String s) {
        if (s == null) return Optional.empty();
        for (InvocationMode m : values()) {
            if (m.wireName().equals(s)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
