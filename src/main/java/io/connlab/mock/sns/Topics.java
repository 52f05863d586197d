package io.connlab.mock.sns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The topics that exist (by ARN, in ARN order so listing pages stay stable while topics
 * come and go), at most as many as AWS's default quotas allow, and the in-process
 * subscribers each topic delivers to.
 */
final class Topics {
    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    /** AWS's default quotas per account and region. */
    static final int MAX_STANDARD = 100_000;
    static final int MAX_FIFO = 1_000;

    /** A topic and what changes how Publish treats it. */
    record Topic(String arn, boolean fifo, boolean contentBasedDeduplication) {
    }

    private final ConcurrentSkipListMap<String, Topic> topics = new ConcurrentSkipListMap<>();
    // Kept apart from the topics: the backend's own wiring survives a topic deleted and created again.
    private final Map<String, List<BiConsumer<String, String>>> subscribers = new ConcurrentHashMap<>();
    private final int maxStandard;
    private final int maxFifo;
    private final Deduplication deduplication;
    private int standardCount;
    private int fifoCount;

    Topics() {
        this(MAX_STANDARD, MAX_FIFO, System::nanoTime);
    }

    Topics(int maxStandard, int maxFifo, LongSupplier nanoTime) {
        this.maxStandard = maxStandard;
        this.maxFifo = maxFifo;
        this.deduplication = new Deduplication(nanoTime);
    }

    /**
     * Creates the topic, or answers the one that exists with the same attributes, as SNS does;
     * past the quota for its kind, {@code TopicLimitExceeded}.
     */
    synchronized Topic create(String arn, boolean fifo, boolean contentBasedDeduplication) throws SnsError {
        Topic existing = topics.get(arn);
        if (existing != null) {
            if (existing.contentBasedDeduplication() != contentBasedDeduplication) {
                throw SnsError.invalidParameter("Attributes Reason: Topic already exists with different attributes");
            }
            return existing;
        }
        if (fifo ? fifoCount >= maxFifo : standardCount >= maxStandard) {
            throw new SnsError(403, "TopicLimitExceeded", "Topic limit exceeded");
        }
        Topic t = new Topic(arn, fifo, contentBasedDeduplication);
        topics.put(arn, t);
        if (fifo) fifoCount++;
        else standardCount++;
        return t;
    }

    /** The FIFO topics' deduplication ids: one memory for all of them, so a thousand topics cannot multiply its bound. */
    Deduplication deduplication() {
        return deduplication;
    }

    Topic get(String arn) {
        return topics.get(arn);
    }

    boolean exists(String arn) {
        return topics.containsKey(arn);
    }

    synchronized void delete(String arn) {
        Topic t = topics.remove(arn);
        if (t == null) return;
        if (t.fifo()) fifoCount--;
        else standardCount--;
    }

    /** Up to {@code max} ARNs after {@code after} (null: from the first). */
    List<String> page(String after, int max) {
        NavigableMap<String, Topic> rest = after == null ? topics : topics.tailMap(after, false);
        return rest.keySet().stream().limit(max).toList();
    }

    boolean hasAfter(String arn) {
        return topics.higherKey(arn) != null;
    }

    /** @param subscriber gets each message's room and text */
    void subscribe(String arn, BiConsumer<String, String> subscriber) {
        subscribers.computeIfAbsent(arn, a -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /** Hands the message to every subscriber of the topic; one that throws does not stop the others. */
    void deliver(String arn, String room, String message) {
        for (BiConsumer<String, String> s : subscribers.getOrDefault(arn, List.of())) {
            try {
                s.accept(room, message);
            } catch (RuntimeException e) {
                LOG.warn("subscriber of {} failed", arn, e);
            }
        }
    }
}
