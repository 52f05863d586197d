package io.connlab.mock.db;

import io.connlab.mock.edge.NetworkConditions;
import io.connlab.thread.DaemonThreads;
import org.h2.server.TcpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * H2's TCP server on a listening socket of ours, so the database's network conditions and its
 * {@code max_connections} apply in the server's own I/O path, one descriptor per connection (they
 * used to cost a relay hop: four descriptors per connection in the process, every byte crossing
 * two more sockets). Each accepted socket is a {@link DatabaseSocket}; the admission refuses one
 * before H2 sees it, answering H2's error reply as PostgreSQL would; the fault drops them all.
 *
 * <p>H2 has no hook for its server socket, hence the one reflective write (H2 is on the class
 * path, in tests and in the bundle alike); its accept loop stops at the first exception, so
 * {@link #accept()} only ever throws once closed.
 */
final class DatabaseListener extends ServerSocket {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseListener.class);
    /** A class's worth of functions connecting at once; the JDK's default of 50 makes a burst wait on SYN retries. */
    private static final int BACKLOG = 2048;
    private static final int REFUSAL_LINGER_MILLIS = 2000;

    private final NetworkConditions network;
    private final MaxConnectionsAdmission admission;
    private final Set<DatabaseSocket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService refusals = Executors.newCachedThreadPool(DaemonThreads.factory("database-refusal"));
    private final TcpServer h2 = new TcpServer();

    private DatabaseListener(NetworkConditions network, MaxConnectionsAdmission admission) throws IOException {
        super(0, BACKLOG, java.net.InetAddress.getLoopbackAddress());
        this.network = network;
        this.admission = admission;
    }

    /** H2's server, started on this listener at an ephemeral loopback port. */
    static DatabaseListener start(NetworkConditions network, MaxConnectionsAdmission admission) throws IOException, SQLException {
        DatabaseListener listener = new DatabaseListener(network, admission);
        try {
            listener.h2.init("-tcpPort", "0", "-tcpDaemon");
            listener.h2.start();
            listener.installIntoH2();
            DaemonThreads.factory("database-accept").newThread(listener.h2::listen).start();
            return listener;
        } catch (IOException | SQLException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private void installIntoH2() throws IOException {
        try {
            Field f = TcpServer.class.getDeclaredField("serverSocket");
            f.setAccessible(true);
            ((ServerSocket) f.get(h2)).close(); // the one H2 opened, never accepted on
            f.set(h2, this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("H2's TcpServer does not keep its server socket where 2.3 does", e);
        }
    }

    int port() {
        return getLocalPort();
    }

    /** Called by H2's accept loop: a socket H2 may serve, after refusing those the admission refuses. */
    @Override
    public Socket accept() throws IOException {
        while (true) {
            DatabaseSocket s = new DatabaseSocket(network, this);
            implAccept(s); // throws once closed, which ends H2's loop
            byte[] refusal = admission.admit();
            if (refusal == null) {
                s.admitted = true;
                open.add(s);
                return s;
            }
            refuse(s, refusal);
        }
    }

    /** Answers the client's first packet with the refusal, as a server would, then lets it go. */
    private void refuse(DatabaseSocket s, byte[] refusal) {
        try {
            refusals.execute(() -> {
                try (s) {
                    s.setSoTimeout(REFUSAL_LINGER_MILLIS);
                    InputStream in = s.getInputStream();
                    if (in.read(new byte[4096]) < 0) return; // delayed by one way: the client's init packet
                    s.getOutputStream().write(refusal); // and one way back
                    s.shutdownOutput(); // the client reads the reply before the socket goes
                    in.readAllBytes();
                } catch (IOException gone) {
                    // the client went first
                }
            });
        } catch (RejectedExecutionException closing) {
            closeQuietly(s);
        }
    }

    /** Forced drop: every connection reset, as when the database's host fails; returns how many. */
    int dropAll() {
        List<DatabaseSocket> all = List.copyOf(open);
        for (DatabaseSocket s : all) {
            try {
                s.setSoLinger(true, 0);
            } catch (SocketException alreadyClosed) {
                // closing anyway
            }
            closeQuietly(s);
        }
        return all.size();
    }

    void closed(DatabaseSocket s) {
        if (s.admitted && open.remove(s)) admission.closed();
    }

    /** Stops H2 (which closes this listener and its sessions), then what is left. */
    void stop() {
        h2.stop();
        closeQuietly(this);
        refusals.shutdownNow();
        dropAll();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.trace("close failed", e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(getInetAddress(), getLocalPort());
    }
}
