package io.connlab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * The notable things that happened in a run (connections opened and closed with their code,
 * reconnects, errors, gaps, cold starts), newest last, for the UI's event log. A bounded ring:
 * writers never block or wait, and once it is full each new event replaces the oldest.
 * Readers ask for what is new since the last id they saw.
 */
public final class EventLog {

    /** What kind of thing happened. */
    public enum Kind { OPENED, CLOSED, RECONNECTING, ERROR, GAP, COLD_START, NOTE }

    /**
     * One event; {@code id} counts up from 0 across the log's life, {@code client} is -1 when not
     * about one client. {@code text} is the English line; a lane's events also carry their
     * {@code technique} and the values in the text ({@code args}, by kind), so the window can say
     * them in its own language.
     */
    public record Event(long id, long atMicros, String lane, int client, Kind kind, String text,
                        Technique technique, List<Object> args) {
        public Event(long id, long atMicros, String lane, int client, Kind kind, String text) {
            this(id, atMicros, lane, client, kind, text, null, List.of());
        }
    }

    private final AtomicReferenceArray<Event> slots;
    private final int mask;
    private final AtomicLong next = new AtomicLong();
    private final LongSupplier clock;

    /** A log keeping the latest {@code capacity} events (rounded up to a power of two). */
    public EventLog(int capacity) {
        this(capacity, Clock::nowMicros);
    }

    public EventLog(int capacity, LongSupplier clockMicros) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("capacity must be 1.." + (1 << 24) + ", was " + capacity);
        }
        int size = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
        this.clock = clockMicros;
    }

    /** Adds an event stamped now. Never blocks. */
    public void add(String lane, int client, Kind kind, String text) {
        add(lane, null, client, kind, text, List.of());
    }

    /** Adds a lane's event stamped now, with the values its text was made of. Never blocks. */
    public void add(String lane, Technique technique, int client, Kind kind, String text, List<Object> args) {
        long id = next.getAndIncrement();
        slots.set((int) (id & mask), new Event(id, clock.getAsLong(), lane, client, kind, text == null ? "" : text,
                technique, args));
    }

    /** How many events were ever added (the next event's id). */
    public long added() {
        return next.get();
    }

    /** How many events the ring keeps. */
    public int capacity() {
        return mask + 1;
    }

    /** The events after {@code afterId} still held, oldest first; pass -1 for all. */
    public List<Event> since(long afterId) {
        long end = next.get();
        long start = Math.max(afterId + 1, end - capacity());
        List<Event> out = new ArrayList<>((int) Math.max(0, end - start));
        for (long id = start; id < end; id++) {
            Event e = slots.get((int) (id & mask));
            // a slot may still hold an older event (writer not done yet) or a newer one (overrun): skip both
            if (e != null && e.id() == id) {
                out.add(e);
            }
        }
        return out;
    }

    /** The latest {@code max} events held, oldest first. */
    public List<Event> recent(int max) {
        return since(next.get() - 1 - Math.max(0, max));
    }
}
