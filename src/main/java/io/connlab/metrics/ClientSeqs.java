package io.connlab.metrics;

/**
 * What one client received, in bounded memory: a floor below which every seq is decided
 * (delivered or given up as missing) and a window of {@link #WINDOW} bits above it. About
 * 600 bytes per client however long the run. Not thread-safe: LaneMetrics locks the instance.
 *
 * <p>Also holds the client's connection and request timing, which share the same lock.
 */
final class ClientSeqs {
    /** How far out of order a seq may arrive and still be told apart from a duplicate. */
    static final int WINDOW = 4096;
    static final long NONE = Long.MIN_VALUE;

    enum Outcome { NEW, DUPLICATE, EARLY }

    /** First seq this client is expected to receive; NONE = every seq of the run. */
    final long base;
    private final long[] bits = new long[WINDOW / 64];
    private long floor = NONE;
    private long initialFloor = NONE;
    private long expectStart = NONE;
    private long missingBelowFloor;

    long openSinceMicros = NONE;
    boolean everOpened;
    long requestSentMicros = NONE;

    ClientSeqs(long base) {
        this.base = base;
    }

    /**
     * Records that {@code seq} arrived.
     *
     * @param runFirstSeq the run's first seq if known, else NONE
     * @return NEW the first time, DUPLICATE after, EARLY for a seq before the client was expected
     *     (it joined while that message was in flight): counted as delivered, never as lost
     */
    Outcome deliver(long seq, long runFirstSeq) {
        if (floor == NONE) {
            expectStart = base != NONE ? base : runFirstSeq != NONE ? runFirstSeq : seq;
            // seqs a little older than expected (in flight as the client joined, or a cursor from
            // the start) are tracked too, so their repeats are caught; they are never counted missing
            floor = expectStart - seq < WINDOW ? Math.min(expectStart, seq) : expectStart;
            initialFloor = floor;
        }
        if (seq < floor) {
            return seq < initialFloor ? Outcome.EARLY : Outcome.DUPLICATE;
        }
        if (seq - floor >= WINDOW) {
            slideTo(seq - WINDOW + 1);
        }
        int slot = (int) Math.floorMod(seq, (long) WINDOW);
        long mask = 1L << (slot & 63);
        if ((bits[slot >>> 6] & mask) != 0) {
            return Outcome.DUPLICATE;
        }
        bits[slot >>> 6] |= mask;
        while (isSet(floor)) {
            clear(floor);
            floor++;
        }
        return seq < expectStart ? Outcome.EARLY : Outcome.NEW;
    }

    /** Gives up on seqs below {@code newFloor}: those expected and not delivered count as missing. */
    private void slideTo(long newFloor) {
        long windowEnd = Math.min(newFloor, floor + WINDOW);
        for (; floor < windowEnd; floor++) {
            if (isSet(floor)) {
                clear(floor);
            } else if (floor >= expectStart) {
                missingBelowFloor++;
            }
        }
        if (newFloor > floor) {
            // beyond the window nothing was delivered (the window would have covered it)
            missingBelowFloor += Math.max(0, newFloor - Math.max(floor, expectStart));
            floor = newFloor;
        }
    }

    private boolean isSet(long seq) {
        int slot = (int) Math.floorMod(seq, (long) WINDOW);
        return (bits[slot >>> 6] & (1L << (slot & 63))) != 0;
    }

    private void clear(long seq) {
        int slot = (int) Math.floorMod(seq, (long) WINDOW);
        bits[slot >>> 6] &= ~(1L << (slot & 63));
    }

    /** The first seq this client should have, given the run's first seq. */
    long expectedFrom(long runFirstSeq) {
        return base != NONE ? base : runFirstSeq;
    }

    /**
     * Seqs from {@link #expectedFrom} up to {@code settledUpTo} this client never received.
     * Seqs given up while sliding the window are counted even if above {@code settledUpTo}
     * (only happens when the client is more than WINDOW seqs ahead of the settled seq).
     */
    long lost(long settledUpTo, long runFirstSeq) {
        long from = expectedFrom(runFirstSeq);
        if (from == NONE || settledUpTo < from) {
            return 0;
        }
        if (floor == NONE) {
            return settledUpTo - from + 1;
        }
        long lost = missingBelowFloor + Math.max(0, Math.min(initialFloor, settledUpTo + 1) - from);
        long lo = Math.max(floor, from);
        long windowEnd = Math.min(settledUpTo, floor + WINDOW - 1);
        if (windowEnd >= lo) {
            long set = 0;
            for (long s = lo; s <= windowEnd; ) {
                int slot = (int) Math.floorMod(s, (long) WINDOW);
                int bit = slot & 63;
                int n = (int) Math.min(64 - bit, windowEnd - s + 1);
                long word = bits[slot >>> 6] >>> bit;
                if (n < 64) {
                    word &= (1L << n) - 1;
                }
                set += Long.bitCount(word);
                s += n;
            }
            lost += (windowEnd - lo + 1) - set;
        }
        lost += Math.max(0, settledUpTo - Math.max(floor + WINDOW - 1, from - 1));
        return lost;
    }
}
