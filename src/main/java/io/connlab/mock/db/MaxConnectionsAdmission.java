package io.connlab.mock.db;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's front door: enforces PostgreSQL's {@code max_connections} in front of an
 * H2 TCP server, which has no such limit of its own. A connection past the limit (or any
 * connection while the database is stopped) is answered with an H2 protocol error reply,
 * so the client's JDBC code gets an {@link java.sql.SQLException} with PostgreSQL's text
 * and SQL state ({@value #TOO_MANY_CLIENTS_STATE}, {@value #NOT_ACCEPTING_STATE}).
 */
public final class MaxConnectionsAdmission {
    public static final String TOO_MANY_CLIENTS_STATE = "53300";
    public static final String TOO_MANY_CLIENTS_MESSAGE = "FATAL: sorry, too many clients already";
    public static final String NOT_ACCEPTING_STATE = "57P03";
    public static final String NOT_ACCEPTING_MESSAGE = "FATAL: the database system is not accepting connections";

    // H2's SessionRemote.STATUS_ERROR: the int the client reads after sending its init packet.
    private static final int H2_STATUS_ERROR = 0;
    // Any code in H2's 8xxx range makes the client throw SQLNonTransientConnectionException;
    // avoid 90067 (CONNECTION_BROKEN), which the client turns into an IOException and retries.
    private static final int H2_ERROR_CODE = 8004;

    private static final byte[] TOO_MANY_CLIENTS = errorReply(TOO_MANY_CLIENTS_STATE, TOO_MANY_CLIENTS_MESSAGE);
    private static final byte[] NOT_ACCEPTING = errorReply(NOT_ACCEPTING_STATE, NOT_ACCEPTING_MESSAGE);

    private final int maxConnections;
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private volatile long stoppedUntilNanos;
    private volatile boolean stopped;

    public MaxConnectionsAdmission(int maxConnections) {
        if (maxConnections < 1) throw new IllegalArgumentException("max connections must be >= 1, got " + maxConnections);
        this.maxConnections = maxConnections;
    }

    /** Takes a connection slot: null when admitted, else the reply that refuses the client. */
    public byte[] admit() {
        if (isStopped()) {
            refused.incrementAndGet();
            return NOT_ACCEPTING.clone();
        }
        while (true) {
            int now = inUse.get();
            if (now >= maxConnections) {
                refused.incrementAndGet();
                return TOO_MANY_CLIENTS.clone();
            }
            if (inUse.compareAndSet(now, now + 1)) return null;
        }
    }

    /** An admitted connection has closed (either side). */
    public void closed() {
        inUse.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** Refuses every new connection for {@code d} (the caller drops the open ones). */
    public void stopFor(Duration d) {
        stoppedUntilNanos = System.nanoTime() + Math.max(0, d.toNanos());
        stopped = true;
    }

    public boolean isStopped() {
        if (!stopped) return false;
        if (System.nanoTime() - stoppedUntilNanos < 0) return true;
        stopped = false;
        return false;
    }

    public int connectionsInUse() {
        return inUse.get();
    }

    public int maxConnections() {
        return maxConnections;
    }

    public long refusedTotal() {
        return refused.get();
    }

    /**
     * The bytes an H2 2.x TCP server sends when it refuses a session: status STATUS_ERROR,
     * then sqlState, message, sql, errorCode, stackTrace (see SessionRemote.readSQLException);
     * strings as Transfer.writeString writes them (int length or -1, then UTF-16 chars).
     */
    static byte[] errorReply(String sqlState, String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(H2_STATUS_ERROR);
            writeString(out, sqlState);
            writeString(out, message);
            writeString(out, null);
            out.writeInt(H2_ERROR_CODE);
            writeString(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(s.length());
            out.writeChars(s);
        }
    }
}
