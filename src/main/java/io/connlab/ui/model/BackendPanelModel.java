package io.connlab.ui.model;

import java.util.List;

/**
 * What the backend panel needs from the backend (the mock's {@code /_connlab/} admin API and
 * {@code @connections}). Every call may do I/O; the panel makes them on a background thread.
 */
public interface BackendPanelModel {

    List<ConnectionRow> connections() throws Exception;

    /** POST {@code text} to one connection ({@code @connections}). */
    void send(String connectionId, String text) throws Exception;

    /** DELETE one connection ({@code @connections}). */
    void disconnect(String connectionId) throws Exception;

    /** The most recent events, oldest first. */
    List<LogLine> events() throws Exception;
}
