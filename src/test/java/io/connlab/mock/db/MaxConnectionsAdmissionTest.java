package io.connlab.mock.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class MaxConnectionsAdmissionTest {
    @Test
    void admitsUpToTheMaxThenRefusesUntilOneCloses() {
        MaxConnectionsAdmission admission = new MaxConnectionsAdmission(2);
        assertNull(admission.admit());
        assertNull(admission.admit());
        assertNotNull(admission.admit(), "the third is refused");
        assertEquals(2, admission.connectionsInUse());
        assertEquals(1, admission.refusedTotal());

        admission.closed();
        assertEquals(1, admission.connectionsInUse());
        assertNull(admission.admit());
    }

    @Test
    void stoppedRefusesEverythingThenRecovers() throws Exception {
        MaxConnectionsAdmission admission = new MaxConnectionsAdmission(5);
        admission.stopFor(Duration.ofMillis(200));
        assertTrue(admission.isStopped());
        assertNotNull(admission.admit());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !admission.isStopped());
        assertNull(admission.admit());
    }

    @Test
    void theH2ClientReadsTheRefusalAsPostgresTooManyClients() throws Exception {
        SQLException e = connectToServerAnswering(MaxConnectionsAdmission.errorReply(
                MaxConnectionsAdmission.TOO_MANY_CLIENTS_STATE, MaxConnectionsAdmission.TOO_MANY_CLIENTS_MESSAGE));
        assertEquals("53300", e.getSQLState());
        assertTrue(e.getMessage().contains("FATAL: sorry, too many clients already"), e.getMessage());
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
    }

    @Test
    void theH2ClientReadsTheStoppedRefusal() throws Exception {
        SQLException e = connectToServerAnswering(MaxConnectionsAdmission.errorReply(
                MaxConnectionsAdmission.NOT_ACCEPTING_STATE, MaxConnectionsAdmission.NOT_ACCEPTING_MESSAGE));
        assertEquals("57P03", e.getSQLState());
        assertTrue(e.getMessage().contains("not accepting connections"), e.getMessage());
    }

    /** A one-shot fake H2 server: answers the client's init packet with {@code reply}. */
    private static SQLException connectToServerAnswering(byte[] reply) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread fake = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(2000);
                    InputStream in = s.getInputStream();
                    in.read(new byte[8192]);
                    s.getOutputStream().write(reply);
                    s.shutdownOutput();
                    in.readAllBytes();
                } catch (IOException ignored) {
                    // the client closed first
                }
            }, "fake-h2");
            fake.setDaemon(true);
            fake.start();
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getLocalPort() + "/mem:nothing";
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close());
            fake.join(5000);
            return e;
        }
    }
}
