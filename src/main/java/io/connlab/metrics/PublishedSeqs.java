package io.connlab.metrics;

/**
 * What the publisher sent: first and last seq, and when recent seqs went out, so loss is
 * judged only for messages that had time to arrive. Keeps one entry per millisecond in a ring
 * of {@link #CAPACITY}, so it always covers at least the last {@code CAPACITY} ms whatever the rate.
 */
final class PublishedSeqs {
    static final int CAPACITY = 16_384;
    private static final long NONE = ClientSeqs.NONE;

    private final long[] seqs = new long[CAPACITY];
    private final long[] millis = new long[CAPACITY];
    private int size;
    private int head;
    private long count;
    private volatile long first = NONE;
    private volatile long last = NONE;

    synchronized void add(long seq, long atMicros) {
        count++;
        if (first == NONE || seq < first) {
            first = seq;
        }
        if (last == NONE || seq > last) {
            last = seq;
        }
        long ms = atMicros / 1000;
        int newest = (head + size - 1) % CAPACITY;
        if (size > 0 && millis[newest] >= ms) {
            seqs[newest] = Math.max(seqs[newest], seq);
            return;
        }
        int slot = (head + size) % CAPACITY;
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
        } else {
            size++;
        }
        seqs[slot] = seq;
        millis[slot] = ms;
    }

    long first() {
        return first;
    }

    long last() {
        return last;
    }

    synchronized long count() {
        return count;
    }

    /** The highest seq published at or before {@code cutoffMicros}; below the first seq if none; NONE before any. */
    synchronized long settledAt(long cutoffMicros) {
        if (size == 0) {
            return NONE;
        }
        long cutoffMs = cutoffMicros / 1000;
        long best = NONE;
        for (int i = size - 1; i >= 0; i--) {
            int slot = (head + i) % CAPACITY;
            if (millis[slot] <= cutoffMs) {
                best = seqs[slot];
                break;
            }
        }
        if (best != NONE) {
            return best;
        }
        // nothing old enough in the ring: everything before its oldest entry went out earlier still
        return size == CAPACITY ? seqs[head] - 1 : first - 1;
    }
}
