package io.connlab.mock.function;

import com.zaxxer.hikari.HikariDataSource;
import io.connlab.mock.db.Database;
import io.connlab.mock.db.LostConnection;
import org.h2.jdbc.JdbcException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The function's code: a cold start's init phase (the delay, and a pooled container's pool),
 * then one connection (borrowed or opened, per mode), one real query, and the answer.
 */
final class InvocationRunner {
    static final String QUERY = "SELECT COUNT(*), AVG(price) FROM items WHERE category = ?";

    private final Database db;
    private final FunctionSettings settings;
    private final HikariDataSource proxyPool;
    private final ScheduledExecutorService housekeeping;

    InvocationRunner(Database db, FunctionSettings settings, HikariDataSource proxyPool, ScheduledExecutorService housekeeping) {
        this.db = db;
        this.settings = settings;
        this.proxyPool = proxyPool;
        this.housekeeping = housekeeping;
    }

    /** Runs one invocation in {@code c}; {@code holdMillis} keeps the connection that long after the query. */
    InvocationResult run(FunctionContainer c, long holdMillis) throws InterruptedException {
        long start = System.nanoTime();
        boolean cold = !c.initialized();
        double initMs = 0;
        if (cold) {
            Thread.sleep(settings.initDelay().toMillis());
            HikariDataSource pool = null;
            if (c.mode == InvocationMode.POOLED) {
                try {
                    pool = ConnectionPools.containerPool(db, c.id, settings.containerBorrowTimeout(), housekeeping);
                } catch (RuntimeException e) {
                    // HikariCP's PoolInitializationException: the database refused the pool's connection.
                    double ms = millisSince(start);
                    return failure(c, true, ms, 0, 0, ms, e, true);
                }
            }
            c.initializedWith(pool);
            initMs = millisSince(start);
        }
        long connectStart = System.nanoTime();
        double connectMs = 0;
        double queryMs = 0;
        try (Connection conn = connect(c)) {
            connectMs = millisSince(connectStart);
            long queryStart = System.nanoTime();
            query(conn);
            queryMs = millisSince(queryStart);
            int inUse = db.connectionsInUse();
            if (holdMillis > 0) Thread.sleep(holdMillis);
            return new InvocationResult(c.mode.wireName(), c.id, cold, initMs, connectMs, queryMs, millisSince(start),
                    inUse, db.maxConnections(), null, null, false);
        } catch (SQLException | RuntimeException e) {
            if (connectMs == 0) connectMs = millisSince(connectStart);
            return failure(c, cold, initMs, connectMs, queryMs, millisSince(start), e, false);
        }
    }

    private Connection connect(FunctionContainer c) throws SQLException {
        return switch (c.mode) {
            case POOLED -> c.pool().getConnection();
            case UNPOOLED -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
            case PROXY -> proxyPool.getConnection();
        };
    }

    private static void query(Connection conn) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement(QUERY)) {
            s.setInt(1, ThreadLocalRandom.current().nextInt(10));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getBigDecimal(2);
                }
            }
        }
    }

    private InvocationResult failure(FunctionContainer c, boolean cold, double initMs, double connectMs, double queryMs,
                                     double totalMs, Exception e, boolean containerLost) {
        SQLException cause = rootSqlException(e);
        String message = cause == null ? String.valueOf(e.getMessage()) : originalMessage(cause);
        String state = cause == null ? null : cause.getSQLState();
        if (cause != null && LostConnection.is(cause)) {
            // H2's words ("Database is already closed (to disable automatic closing at VM shutdown...")
            // would mislead: say what a PostgreSQL client sees when the server drops its connection.
            message = LostConnection.MESSAGE;
            state = LostConnection.STATE;
        }
        return new InvocationResult(c.mode.wireName(), c.id, cold, initMs, connectMs, queryMs, totalMs,
                db.connectionsInUse(), db.maxConnections(), message, state, containerLost);
    }

    /** The deepest SQLException that carries a SQL state: the database's own words, not a pool's wrapper. */
    static SQLException rootSqlException(Throwable e) {
        SQLException found = null;
        SQLException any = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException s) {
                if (any == null) any = s;
                if (s.getSQLState() != null) found = s;
            }
        }
        return found != null ? found : any;
    }

    private static String originalMessage(SQLException s) {
        // H2 appends "[errorCode-build]" to getMessage(); the original is what the server said.
        if (s instanceof JdbcException j && j.getOriginalMessage() != null) return j.getOriginalMessage();
        return String.valueOf(s.getMessage());
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
    }
}
