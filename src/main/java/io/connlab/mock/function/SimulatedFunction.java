package io.connlab.mock.function;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated Lambda function (one {@link InvocationMode}): its containers, its
 * concurrency limit and its counts. Only bookkeeping happens under the lock; closing a
 * container's pool is left to the caller, outside it.
 */
final class SimulatedFunction {
    final InvocationMode mode;
    private final int concurrencyLimit;
    // Most recently used first, as Lambda tends to route to the warmest environment.
    private final Deque<FunctionContainer> idle = new ArrayDeque<>();
    private final Set<FunctionContainer> all = new LinkedHashSet<>();
    private int nextId;
    final AtomicLong coldStarts = new AtomicLong();
    final AtomicLong invocations = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong throttles = new AtomicLong();

    SimulatedFunction(InvocationMode mode, int concurrencyLimit) {
        this.mode = mode;
        this.concurrencyLimit = concurrencyLimit;
    }

    /**
     * Takes a warm idle container, or makes a new (cold) one if under the limit; null when
     * at the limit. Idle containers past {@code maxLifetimeNanos} are retired into {@code toClose}.
     */
    synchronized FunctionContainer acquire(long nowNanos, long maxLifetimeNanos, List<FunctionContainer> toClose) {
        FunctionContainer c;
        while ((c = idle.pollFirst()) != null) {
            if (c.ageNanos(nowNanos) >= maxLifetimeNanos) {
                all.remove(c);
                toClose.add(c);
                continue;
            }
            c.markBusy();
            return c;
        }
        if (all.size() >= concurrencyLimit) {
            throttles.incrementAndGet();
            return null;
        }
        c = new FunctionContainer(mode.wireName() + "-" + (++nextId), mode);
        all.add(c);
        return c;
    }

    /** Returns a container after its invocation; true when it stays, false when it must be closed. */
    synchronized boolean release(FunctionContainer c, long nowNanos, long maxLifetimeNanos, boolean open) {
        if (!all.contains(c)) return false;
        if (!open || c.ageNanos(nowNanos) >= maxLifetimeNanos) {
            all.remove(c);
            return false;
        }
        c.markIdle(nowNanos);
        idle.addFirst(c);
        return true;
    }

    /** Forgets a container whose init failed. */
    synchronized void discard(FunctionContainer c) {
        all.remove(c);
    }

    /** Removes idle containers unused for {@code idleNanos} or older than {@code maxLifetimeNanos}. */
    synchronized List<FunctionContainer> reap(long nowNanos, long idleLimitNanos, long maxLifetimeNanos) {
        List<FunctionContainer> gone = new ArrayList<>();
        for (Iterator<FunctionContainer> it = idle.iterator(); it.hasNext(); ) {
            FunctionContainer c = it.next();
            if (c.idleNanos(nowNanos) >= idleLimitNanos || c.ageNanos(nowNanos) >= maxLifetimeNanos) {
                it.remove();
                all.remove(c);
                gone.add(c);
            }
        }
        return gone;
    }

    /** Removes every container (the caller closes them). */
    synchronized List<FunctionContainer> removeAll() {
        List<FunctionContainer> gone = new ArrayList<>(all);
        all.clear();
        idle.clear();
        return gone;
    }

    synchronized FunctionCounts counts() {
        return new FunctionCounts(mode.wireName(), idle.size(), all.size() - idle.size(), coldStarts.get(),
                invocations.get(), errors.get(), throttles.get());
    }

    synchronized List<ContainerInfo> containers() {
        List<ContainerInfo> out = new ArrayList<>(all.size());
        for (FunctionContainer c : all) out.add(c.info());
        return out;
    }
}
