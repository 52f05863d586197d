package io.connlab.mock.function;

import com.zaxxer.hikari.SQLExceptionOverride;
import io.connlab.mock.db.LostConnection;

import java.sql.SQLException;

/** Tells HikariCP to evict a connection the database dropped, as it does by SQL state for PostgreSQL. */
final class EvictLostConnections implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return LostConnection.is(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
