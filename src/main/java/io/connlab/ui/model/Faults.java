package io.connlab.ui.model;

import java.time.Duration;

/**
 * The mock backend's fault buttons. Each call may block for a while (a restart); the window
 * calls them on a background thread and shows what they return or throw.
 */
public interface Faults {

    /** Closes every WebSocket connection as a gateway failure would (1001 / 1006). */
    void dropAllWebSockets() throws Exception;

    /** Stops and starts the mock backend on the same ports. */
    void restartBackend() throws Exception;

    /** Opens {@code count} new WebSocket connections at once, as a class joining would. */
    void burstOfConnections(int count) throws Exception;

    /** Stops the database for {@code pause}, then starts it again. */
    void stopDatabase(Duration pause) throws Exception;
}
