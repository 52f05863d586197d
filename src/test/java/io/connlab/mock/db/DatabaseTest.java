package io.connlab.mock.db;

import io.connlab.fixtures.OpenSockets;
import io.connlab.mock.edge.NetworkConditions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

class DatabaseTest {
    private final List<Connection> connections = new ArrayList<>();
    private Database db;

    @AfterEach
    void tearDown() throws SQLException {
        for (Connection c : connections) c.close();
        if (db != null) db.close();
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        connections.add(c);
        return c;
    }

    private static long countItems(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void servesTheItemsTableOverTcpThroughTheEdge() throws Exception {
        db = Database.start(Database.DEFAULT_MAX_CONNECTIONS, new NetworkConditions(0, 0));
        assertTrue(db.jdbcUrl().startsWith("jdbc:h2:tcp://127.0.0.1:"), db.jdbcUrl());
        assertEquals(Database.ITEM_ROWS, countItems(connect()));
        assertEquals(1, db.connectionsInUse());
        assertEquals(100, db.maxConnections());
    }

    @Test
    void theConnectionPastMaxConnectionsIsRefusedLikePostgres() throws Exception {
        db = Database.start(100, new NetworkConditions(0, 0));
        for (int i = 0; i < 100; i++) connect();
        assertEquals(100, db.connectionsInUse());

        SQLException e = assertThrows(SQLException.class, this::connect);
        assertEquals("53300", e.getSQLState());
        assertTrue(e.getMessage().contains("FATAL: sorry, too many clients already"), e.getMessage());
        assertEquals(1, db.refusedTotal());

        connections.remove(0).close();
        await().atMost(Duration.ofSeconds(5)).until(() -> db.connectionsInUse() == 99);
        assertEquals(Database.ITEM_ROWS, countItems(connect()));
    }

    @Test
    void stopForDropsEveryConnectionRefusesNewOnesThenRecovers() throws Exception {
        db = Database.start(10, new NetworkConditions(0, 0));
        Connection open = connect();
        assertEquals(Database.ITEM_ROWS, countItems(open));

        db.stopFor(Duration.ofMillis(1500));
        assertTrue(db.isStopped());
        assertThrows(SQLException.class, () -> countItems(open));
        SQLException refused = assertThrows(SQLException.class, this::connect);
        assertEquals("57P03", refused.getSQLState());
        assertTrue(refused.getMessage().contains("not accepting connections"), refused.getMessage());
        await().atMost(Duration.ofSeconds(5)).until(() -> db.connectionsInUse() == 0);

        await().atMost(Duration.ofSeconds(10)).until(() -> !db.isStopped());
        assertEquals(Database.ITEM_ROWS, countItems(connect()));
    }

    @Test
    void connectsPayTheRoundTripTime() throws Exception {
        db = Database.start(5, new NetworkConditions(200, 0));
        long start = System.nanoTime();
        Connection c = connect();
        long connectMs = (System.nanoTime() - start) / 1_000_000;
        // The H2 client sends its init packet and waits for the server's status: one round trip at least.
        assertTrue(connectMs >= 200, "connect took " + connectMs + " ms");
        assertEquals(Database.ITEM_ROWS, countItems(c));
    }

    /**
     * Issue 8: the database sat behind a relay hop, three descriptors a connection in this process
     * besides the client's own, every byte crossing two more sockets.
     */
    @Test
    void aConnectionCostsTheDatabaseOneDescriptor() throws Exception {
        db = Database.start(100, new NetworkConditions(0, 0));
        assertEquals(Database.ITEM_ROWS, countItems(connect())); // H2's first session is behind us
        int before = OpenSockets.count();
        for (int i = 0; i < 20; i++) connect();
        assertEquals(21, db.connectionsInUse());
        int added = OpenSockets.count() - before;
        assertTrue(added <= 2 * 20 + 2, "20 connections added " + added + " sockets (the client's end and the database's: 40)");
    }

    @Test
    void queriesPayTheRoundTripTimeToo() throws Exception {
        db = Database.start(5, new NetworkConditions(200, 0));
        Connection c = connect();
        long start = System.nanoTime();
        assertEquals(Database.ITEM_ROWS, countItems(c));
        long queryMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(queryMs >= 200, "a query (one round trip at least) took " + queryMs + " ms");
    }

    @Test
    void closeIsIdempotentAndTwoDatabasesAreIndependent() throws Exception {
        db = Database.start(2, new NetworkConditions(0, 0));
        try (Database other = Database.start(3, new NetworkConditions(0, 0))) {
            assertNotEquals(db.jdbcUrl(), other.jdbcUrl());
            try (Connection c = DriverManager.getConnection(other.jdbcUrl(), other.user(), other.password())) {
                assertEquals(Database.ITEM_ROWS, countItems(c));
            }
            other.close();
        }
        assertEquals(Database.ITEM_ROWS, countItems(connect()));
    }
}
