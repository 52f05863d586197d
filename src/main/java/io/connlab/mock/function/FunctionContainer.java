package io.connlab.mock.function;

import com.zaxxer.hikari.HikariDataSource;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated Lambda execution environment: runs one invocation at a time, keeps what its
 * init phase created (a pooled container's HikariCP pool) between invocations, and is
 * reclaimed when idle too long or recycled when too old.
 */
final class FunctionContainer {
    enum State { INITIALIZING, BUSY, IDLE, RETIRED }

    final String id;
    final InvocationMode mode;
    final Instant createdAt = Instant.now();
    final long createdNanos = System.nanoTime();
    private final AtomicLong invocations = new AtomicLong();
    private volatile State state = State.INITIALIZING;
    private volatile long lastUsedNanos = createdNanos;
    // Written and read by the one invocation that holds the container; the hand-off between
    // invocations goes through SimulatedFunction's lock, which orders it.
    private boolean initialized;
    private HikariDataSource pool;

    FunctionContainer(String id, InvocationMode mode) {
        this.id = id;
        this.mode = mode;
    }

    boolean initialized() {
        return initialized;
    }

    void initializedWith(HikariDataSource pool) {
        this.pool = pool;
        this.initialized = true;
    }

    HikariDataSource pool() {
        return pool;
    }

    long countInvocation() {
        return invocations.incrementAndGet();
    }

    State state() {
        return state;
    }

    void markBusy() {
        state = State.BUSY;
    }

    void markIdle(long nowNanos) {
        lastUsedNanos = nowNanos;
        state = State.IDLE;
    }

    long idleNanos(long nowNanos) {
        return nowNanos - lastUsedNanos;
    }

    long ageNanos(long nowNanos) {
        return nowNanos - createdNanos;
    }

    /** Retires the container and closes its pool (its connections leave the database). */
    void close() {
        state = State.RETIRED;
        HikariDataSource p = pool;
        if (p != null) p.close();
    }

    ContainerInfo info() {
        return new ContainerInfo(id, mode.wireName(), state.name().toLowerCase(Locale.ROOT), createdAt, invocations.get());
    }
}
