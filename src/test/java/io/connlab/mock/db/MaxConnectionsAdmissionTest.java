package io.connlab.mock.db;

import io.connlab.mock.edge.Admission;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class MaxConnectionsAdmissionTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);

    @Test
    void admitsUpToTheMaxThenRefusesUntilOneCloses() {
        MaxConnectionsAdmission admission = new MaxConnectionsAdmission(2);
        assertFalse(admission.needsRequestHead());
        assertTrue(admission.decide(CLIENT, null).admitted());
        assertTrue(admission.decide(CLIENT, null).admitted());
        Admission.Verdict third = admission.decide(CLIENT, null);
        assertFalse(third.admitted());
        assertNotNull(third.bytes());
        assertEquals(2, admission.connectionsInUse());
        assertEquals(1, admission.refusedTotal());

        admission.closed(CLIENT);
        assertEquals(1, admission.connectionsInUse());
        assertTrue(admission.decide(CLIENT, null).admitted());
    }

    @Test
    void stoppedRefusesEverythingThenRecovers() throws Exception {
        MaxConnectionsAdmission admission = new MaxConnectionsAdmission(5);
        admission.stopFor(Duration.ofMillis(200));
        assertTrue(admission.isStopped());
        assertFalse(admission.decide(CLIENT, null).admitted());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !admission.isStopped());
        assertTrue(admission.decide(CLIENT, null).admitted());
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
