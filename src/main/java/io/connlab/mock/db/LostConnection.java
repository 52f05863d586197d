package io.connlab.mock.db;

import org.h2.api.ErrorCode;

import java.sql.SQLException;

/**
 * Recognises an error that means the database connection itself is gone (the database was
 * stopped, or dropped it), and says it the way PostgreSQL's JDBC driver would.
 *
 * <p>H2 reports a lost connection with its own codes, which HikariCP does not know: against
 * PostgreSQL a lost connection is SQL state class {@code 08} or {@code 57P01}, and HikariCP
 * evicts it. Without the same here, a pooled container kept its dead connection and failed
 * every call with "Database is already closed" for as long as calls kept coming.
 */
public final class LostConnection {
    /** pgjdbc's state and message for a connection that broke under a statement. */
    public static final String STATE = "08006";
    public static final String MESSAGE = "An I/O error occurred while sending to the backend.";

    private LostConnection() {
    }

    /** True when {@code e} (or an exception chained to it) says the connection is gone. */
    public static boolean is(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            switch (s.getErrorCode()) {
                case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN:
                    return true;
                default:
                    if (s.getSQLState() != null && s.getSQLState().startsWith("08")) return true;
            }
        }
        return false;
    }
}
