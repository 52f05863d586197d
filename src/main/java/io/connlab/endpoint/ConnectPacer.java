package io.connlab.endpoint;

/**
 * Keeps new WebSocket connections under a rate, so a live run with many clients never nears the
 * account's limit (500 new connections per second per region, shared by every API: FACTS 6).
 * Callers take a slot before each connect; a slot is handed out every 1/rate seconds, with a
 * small burst allowed after a pause. Thread-safe.
 */
public final class ConnectPacer {
    /** A fifth of the account's default rate: room for a whole class on one account. */
    public static final int LIVE_CONNECTS_PER_SECOND = 100;

    /** Waits; a seam so tests can run the clock themselves. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final long intervalNanos;
    private final long burstNanos;
    private final Clock clock;
    private long nextSlot;

    public ConnectPacer(int perSecond, int burst) {
        this(perSecond, burst, SYSTEM);
    }

    ConnectPacer(int perSecond, int burst, Clock clock) {
        if (perSecond < 1 || perSecond > 500) throw new IllegalArgumentException("connect rate must be 1..500 per second, got " + perSecond);
        if (burst < 1) throw new IllegalArgumentException("burst must be >= 1, got " + burst);
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.burstNanos = intervalNanos * (burst - 1);
        this.clock = clock;
        this.nextSlot = clock.nanoTime() - burstNanos;
    }

    /** Blocks until this caller may open a connection. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            nextSlot = Math.max(nextSlot, now - burstNanos);
            wait = nextSlot - now;
            nextSlot += intervalNanos;
        }
        if (wait > 0) clock.sleepNanos(wait);
    }
}
