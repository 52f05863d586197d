package io.connlab.ui.model;

import java.util.List;

/**
 * What the pool picture draws for a pool lane: the function containers, and the database
 * connections they hold against {@code max_connections}.
 *
 * @param refused            connections the database refused so far in this run
 * @param lastRefusedAtMicros when the last one was refused ({@code Clock} micros), 0 if never
 */
public record PoolFigures(List<Container> containers, int dbConnections, int dbMaxConnections,
                          long refused, long lastRefusedAtMicros) {

    /** A simulated Lambda container: starting up (cold), idle and reusable (warm), or running (busy). */
    public enum ContainerState { COLD, WARM, BUSY }

    /** One container, with the database connections it holds open. */
    public record Container(String id, ContainerState state, int connections) {
    }

    public PoolFigures {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    public static PoolFigures empty() {
        return new PoolFigures(List.of(), 0, 0, 0, 0);
    }

    public long count(ContainerState state) {
        return containers.stream().filter(c -> c.state() == state).count();
    }
}
