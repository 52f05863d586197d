package io.connlab.mock.function;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.connlab.mock.db.Database;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** The HikariCP pools the simulated functions use: a container's own, and the proxy's shared one. */
final class ConnectionPools {
    private static final long HIKARI_MIN_TIMEOUT_MS = 250;
    /**
     * HikariCP checks a connection idle for more than this (500 ms by default) with a round trip
     * before handing it out. A Lambda function's kept connection is used as it is, whatever the
     * gap between calls (a connection that died fails its call and is evicted, see
     * {@link EvictLostConnections}), so at one call a second the pooled lane must not pay a
     * round trip per call. HikariCP reads this property once per pool, as the pool is created.
     */
    static final String ALIVE_BYPASS_PROPERTY = "com.zaxxer.hikari.aliveBypassWindowMs";
    static final long ALIVE_BYPASS_MS = Duration.ofHours(1).toMillis();

    private ConnectionPools() {
    }

    /**
     * A pooled container's pool, created in its init phase: one connection (AWS's advice for
     * Lambda), opened now; throws if the database refuses it, so the cold start fails fast.
     */
    static HikariDataSource containerPool(Database db, String containerId, Duration borrowTimeout,
                                          ScheduledExecutorService housekeeping) {
        HikariConfig c = base(db, "container " + containerId, borrowTimeout, housekeeping);
        c.setMaximumPoolSize(1);
        c.setMinimumIdle(1);
        c.setInitializationFailTimeout(1);
        return new HikariDataSource(c);
    }

    /** The proxy's shared pool: up to {@code size} connections, opened on demand. */
    static HikariDataSource proxyPool(Database db, int size, Duration borrowTimeout, ScheduledExecutorService housekeeping) {
        HikariConfig c = base(db, "proxy", borrowTimeout, housekeeping);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(0);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    private static HikariConfig base(Database db, String name, Duration borrowTimeout, ScheduledExecutorService housekeeping) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password());
        long timeout = Math.max(HIKARI_MIN_TIMEOUT_MS, borrowTimeout.toMillis());
        c.setConnectionTimeout(timeout);
        c.setValidationTimeout(Math.max(HIKARI_MIN_TIMEOUT_MS, Math.min(1_000, timeout)));
        // One housekeeping thread for every pool, not one per container.
        c.setScheduledExecutor(housekeeping);
        c.setExceptionOverride(new EvictLostConnections());
        System.setProperty(ALIVE_BYPASS_PROPERTY, Long.toString(ALIVE_BYPASS_MS));
        return c;
    }
}
