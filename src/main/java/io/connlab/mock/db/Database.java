package io.connlab.mock.db;

import io.connlab.mock.edge.EdgeListener;
import io.connlab.mock.edge.NetworkConditions;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mock's relational database: an embedded in-memory H2 served over TCP on loopback,
 * behind a socket edge that adds the network conditions (so connects pay the RTT) and
 * enforces PostgreSQL's {@code max_connections}. Holds one table, {@code items}, of
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
    private final Server tcpServer;
    private final MaxConnectionsAdmission admission;
    private final EdgeListener edge;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(String name, Connection keeper, Server tcpServer, MaxConnectionsAdmission admission, EdgeListener edge) {
        this.name = name;
        this.keeper = keeper;
        this.tcpServer = tcpServer;
        this.admission = admission;
        this.edge = edge;
    }

    /** Starts the database and its edge on ephemeral loopback ports. */
    public static Database start(int maxConnections, NetworkConditions conditions) {
        MaxConnectionsAdmission admission = new MaxConnectionsAdmission(maxConnections);
        int n = INSTANCES.getAndIncrement();
        String name = n == 0 ? "connlab" : "connlab-" + n;
        Connection keeper = null;
        Server tcp = null;
        try {
            // The keeper connection creates the in-memory database and keeps it until close().
            keeper = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", USER, PASSWORD);
            createItems(keeper);
            tcp = Server.createTcpServer("-tcpPort", "0").start();
            InetSocketAddress backend = new InetSocketAddress("127.0.0.1", tcp.getPort());
            EdgeListener edge = EdgeListener.open("database", new InetSocketAddress("127.0.0.1", 0), backend, conditions, admission);
            LOG.info("database {} on {} (H2 on {}), max_connections {}", name, edge.address(), backend, maxConnections);
            return new Database(name, keeper, tcp, admission, edge);
        } catch (SQLException | IOException | RuntimeException e) {
            if (tcp != null) tcp.stop();
            closeQuietly(keeper);
            if (e instanceof IOException io) throw new UncheckedIOException("could not start the database edge", io);
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

    /** The JDBC URL clients use: through the edge, so connects pay the RTT and the limit. */
    public String jdbcUrl() {
        InetSocketAddress a = edge.address();
        return "jdbc:h2:tcp://127.0.0.1:" + a.getPort() + "/mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Connections the database holds now (admitted through its edge and not yet closed). */
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
        edge.dropAll();
        LOG.info("database {} stopped for {} ms", name, d.toMillis());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        edge.close();
        tcpServer.stop();
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
