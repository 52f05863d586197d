package io.connlab.ui.model;

import java.time.Duration;

/**
 * The mock backend's fault buttons. Each call may block for a while (a restart, waiting to see
 * the clients recover); the window calls them on a background thread. Each leaves a marker on
 * the strips at its moment and returns its outcome for the status line, as {@link Words} the
 * window renders in its language ("Dropped 5 WebSockets: 5 reconnected within 1.3 s, 3 messages lost").
 */
public interface Faults {

    /** Closes every WebSocket connection as a gateway failure would (1001 / 1006). */
    Words dropAllWebSockets() throws Exception;

    /** Stops and starts the mock backend on the same ports. */
    Words restartBackend() throws Exception;

    /** Opens {@code count} new WebSocket connections at once, as a class joining would. */
    Words burstOfConnections(int count) throws Exception;

    /** Stops the database for {@code pause}, then starts it again. */
    Words stopDatabase(Duration pause) throws Exception;
}
