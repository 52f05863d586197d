package io.connlab.mock.sns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The topics that exist (by ARN, in ARN order so listing pages stay stable while topics
 * come and go) and the in-process subscribers each topic delivers to.
 */
final class Topics {
    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

    private final ConcurrentSkipListSet<String> arns = new ConcurrentSkipListSet<>();
    // Kept apart from the topics: the backend's own wiring survives a topic deleted and created again.
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

    /** Creates the topic unless it exists; true when it was new. */
    boolean create(String arn) {
        return arns.add(arn);
    }

    boolean exists(String arn) {
        return arns.contains(arn);
    }

    void delete(String arn) {
        arns.remove(arn);
    }

    /** Up to {@code max} ARNs after {@code after} (null: from the first). */
    List<String> page(String after, int max) {
        NavigableSet<String> rest = after == null ? arns : arns.tailSet(after, false);
        return rest.stream().limit(max).toList();
    }

    boolean hasAfter(String arn) {
        return arns.higher(arn) != null;
    }

    void subscribe(String arn, Consumer<String> subscriber) {
        subscribers.computeIfAbsent(arn, a -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /** Hands the message to every subscriber of the topic; one that throws does not stop the others. */
    void deliver(String arn, String message) {
        for (Consumer<String> s : subscribers.getOrDefault(arn, List.of())) {
            try {
                s.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("subscriber of {} failed", arn, e);
            }
        }
    }
}
