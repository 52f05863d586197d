package io.connlab.mock.sns;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The FIFO topics' memory of the deduplication ids (keyed by topic and id) accepted in the last
 * five minutes: a publish with an id seen in that window is accepted (with the first one's
 * MessageId and SequenceNumber) but not delivered again. Bounded: past {@value #MAX_IDS} ids
 * (about 35 MB) the oldest are forgotten early, so a flood of unique ids cannot grow the heap
 * without limit.
 */
final class Deduplication {
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(5);
    static final int MAX_IDS = 100_000;

    /** What the first publish with an id was answered. */
    record Sent(String messageId, String sequenceNumber, long atNanos) {
    }

    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Sent> sent = new LinkedHashMap<>();

    Deduplication(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Runs {@code publish} unless {@code id} was accepted in the last five minutes; either way
     * answers what the first publish with that id got. FIFO publishes run one at a time, so
     * their sequence numbers follow their delivery order.
     */
    synchronized Sent publishOnce(String id, Publish publish) throws SnsError {
        long now = nanoTime.getAsLong();
        forgetExpired(now);
        Sent first = sent.get(id);
        if (first != null) return first;
        Sent s = publish.run(now);
        sent.put(id, s);
        if (sent.size() > MAX_IDS) forgetOldest();
        return s;
    }

    synchronized int remembered() {
        return sent.size();
    }

    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Sent>> it = sent.entrySet().iterator();
        while (it.hasNext() && now - it.next().getValue().atNanos() >= WINDOW_NANOS) it.remove();
    }

    private void forgetOldest() {
        Iterator<Map.Entry<String, Sent>> it = sent.entrySet().iterator();
        it.next();
        it.remove();
    }

    /** One delivery, answering its MessageId and SequenceNumber. */
    interface Publish {
        Sent run(long nowNanos) throws SnsError;
    }
}
