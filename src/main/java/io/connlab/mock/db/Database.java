package io.connlab.mock.db;

import io.connlab.mock.edge.NetworkConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mock's relational database: an embedded in-memory H2 served over TCP on loopback, on a
 * listener that adds the network conditions in its own I/O path (so connects and queries pay the
 * RTT) and enforces PostgreSQL's {@code max_connections} ({@link DatabaseListener}). Holds one table, {@code items}, of
 * {@value #ITEM_ROWS} rows that every simulated invocation queries.
 */
public final class Database implements AutoCloseable {
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final int ITEM_ROWS = 1_000;
    public static final String USER = "connlab";
    public static final String PASSWORD = "connlab";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        // H2 binds its server sockets to every interface unless told otherwise; read once, at H2's class init.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private final String name;
    private final Connection keeper;
    private final MaxConnectionsAdmission admission;
    private final DatabaseListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(String name, Connection keeper, MaxConnectionsAdmission admission, DatabaseListener listener) {
        this.name = name;
        this.keeper = keeper;
        this.admission = admission;
        this.listener = listener;
    }

    /** Starts the database on an ephemeral loopback port. */
    public static Database start(int maxConnections, NetworkConditions conditions) {
        MaxConnectionsAdmission admission = new MaxConnectionsAdmission(maxConnections);
        int n = INSTANCES.getAndIncrement();
        String name = n == 0 ? "connlab" : "connlab-" + n;
        Connection keeper = null;
        try {
            // The keeper connection creates the in-memory database and keeps it until close().
            keeper = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", USER, PASSWORD);
            createItems(keeper);
            DatabaseListener listener = DatabaseListener.start(conditions, admission);
            LOG.info("database {} on {}, max_connections {}", name, listener.address(), maxConnections);
            return new Database(name, keeper, admission, listener);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(keeper);
            if (e instanceof IOException io) throw new UncheckedIOException("could not start the database listener", io);
            if (e instanceof SQLException sql) throw new IllegalStateException("could not start the database", sql);
            throw (RuntimeException) e;
        }
    }

    private static void createItems(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                    + "category INT NOT NULL, price DECIMAL(10,2) NOT NULL)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?)")) {
            for (int id = 1; id <= ITEM_ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, "item " + id);
                insert.setInt(3, id % 10);
                insert.setBigDecimal(4, java.math.BigDecimal.valueOf(id * 37L % 10_000, 2));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The JDBC URL clients use: its connects and queries pay the RTT, and the limit applies. */
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + listener.port() + "/mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Connections the database holds now (admitted and not yet closed). */
    public int connectionsInUse() {
        return admission.connectionsInUse();
    }

    public int maxConnections() {
        return admission.maxConnections();
    }

    /** Connections refused since start, for max_connections or while stopped. */
    public long refusedTotal() {
        return admission.refusedTotal();
    }

    public boolean isStopped() {
        return admission.isStopped();
    }

    /** The fault button: drops every connection and refuses new ones for {@code d}. */
    public void stopFor(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("duration must be >= 0");
        admission.stopFor(d);
        listener.dropAll();
        LOG.warn("database {} stopped for {} ms: calls that need it fail until it is back", name, d.toMillis());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        listener.stop();
        try (Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("shutdown of {} failed", name, e);
        }
        closeQuietly(keeper);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
