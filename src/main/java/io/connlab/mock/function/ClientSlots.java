package io.connlab.mock.function;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many invocations each client address has running, capped on a shared {@code serve}: one
 * student's hundred pooled calls would otherwise hold every database connection until the idle
 * reclaim and fail everyone else's. The address, not a header, names the client: a header could
 * be changed per call to slip past the cap. A cap of 0 counts nothing (the window's own mock).
 */
final class ClientSlots {
    private final int cap;
    private final ConcurrentHashMap<InetAddress, Integer> running = new ConcurrentHashMap<>();

    ClientSlots(int cap) {
        if (cap < 0) throw new IllegalArgumentException("invocations per client must be >= 0, got " + cap);
        this.cap = cap;
    }

    int cap() {
        return cap;
    }

    /** A slot for one invocation of {@code client}'s, or null when it already has {@link #cap} running. */
    Slot take(InetAddress client) {
        if (cap == 0 || client == null) return Slot.FREE;
        AtomicBoolean taken = new AtomicBoolean();
        running.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= cap) return n;
            taken.set(true);
            return now + 1;
        });
        return taken.get() ? new Slot(this, client) : null;
    }

    /** Invocations {@code client} has running now. */
    int running(InetAddress client) {
        return running.getOrDefault(client, 0);
    }

    private void give(InetAddress client) {
        running.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1); // no entry is kept for an idle client
    }

    /** One invocation's place; {@link #release} gives it back once (later calls do nothing). */
    static final class Slot {
        static final Slot FREE = new Slot(null, null);
        private final ClientSlots slots;
        private final InetAddress client;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(ClientSlots slots, InetAddress client) {
            this.slots = slots;
            this.client = client;
        }

        void release() {
            if (slots != null && released.compareAndSet(false, true)) slots.give(client);
        }
    }
}
