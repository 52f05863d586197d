package io.connlab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few hundred wire events of ONE client of a lane, for the sequence strip.
 * Network threads append without locks or waiting; the strip reads once per frame with
 * {@link #copySince(long)}. When full, the oldest events are overwritten.
 */
public final class WireTrace {

    /** A slot remembers which append wrote it, so a reader can tell a lapped slot from a fresh one. */
    private record Slot(long index, WireEvent event) {
    }

    private final AtomicReferenceArray<Slot> slots;
    private final int mask;
    private final AtomicLong appended = new AtomicLong();

    /** A trace holding the last 4096 events: minutes of a teaching run, to scroll back through after Stop. */
    public WireTrace() {
        this(4096);
    }

    /** @param capacity how many events are kept; rounded up to a power of two, 2..65536 */
    public WireTrace(int capacity) {
        if (capacity < 2 || capacity > 65_536) {
            throw new IllegalArgumentException("capacity must be 2..65536, got " + capacity);
        }
        int size = Integer.highestOneBit(capacity - 1) << 1;
        slots = new AtomicReferenceArray<>(size);
        mask = size - 1;
    }

    /** Appends an event; never blocks. */
    public void append(WireEvent event) {
        if (event == null) return;
        long i = appended.getAndIncrement();
        slots.set((int) (i & mask), new Slot(i, event));
    }

    public void append(WireEvent.Kind kind, long atMicros, String label) {
        append(new WireEvent(kind, atMicros, label));
    }

    /** Appends an event stamped now. */
    public void append(WireEvent.Kind kind, String label) {
        append(new WireEvent(kind, Clock.nowMicros(), label));
    }

    /**
     * The kept events at or after {@code micros}, oldest append first. An event being written
     * by another thread at the same moment may be missing; it shows up on the next read.
     */
    public List<WireEvent> copySince(long micros) {
        long end = appended.get();
        long oldest = Math.max(0, end - slots.length());
        // walk back from the newest to the first event older than asked (appends from several
        // threads are nearly in time order: a second of slack), so a frame reads only its window
        long start = end;
        while (start > oldest) {
            Slot s = slots.get((int) ((start - 1) & mask));
            if (s != null && s.index == start - 1 && s.event.atMicros() < micros - 1_000_000) break;
            start--;
        }
        List<WireEvent> out = new ArrayList<>((int) Math.min(64, end - start));
        for (long i = start; i < end; i++) {
            Slot s = slots.get((int) (i & mask));
            // null: claimed but not yet written; other index: lapped by a newer append
            if (s != null && s.index == i && s.event.atMicros() >= micros) out.add(s.event);
        }
        return out;
    }

    /** How many events were ever appended (kept or overwritten). */
    public long appended() {
        return appended.get();
    }

    /** How many events the trace keeps. */
    public int capacity() {
        return slots.length();
    }
}
