package io.connlab.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts by key (close code, error kind, HTTP status) from many threads. Holds at most
 * {@code maxKeys} keys so a flood of distinct kinds cannot grow memory; the rest count
 * under {@code overflowKey}.
 */
final class Tally<K extends Comparable<K>> {
    private final ConcurrentHashMap<K, LongAdder> counts = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final K overflowKey;

    Tally(int maxKeys, K overflowKey) {
        this.maxKeys = maxKeys;
        this.overflowKey = overflowKey;
    }

    void add(K key) {
        LongAdder adder = counts.get(key);
        if (adder == null) {
            K k = counts.size() < maxKeys ? key : overflowKey;
            adder = counts.computeIfAbsent(k, x -> new LongAdder());
        }
        adder.increment();
    }

    /** An immutable copy, sorted by key. */
    Map<K, Long> copy() {
        TreeMap<K, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return java.util.Collections.unmodifiableMap(out);
    }

    long total() {
        long sum = 0;
        for (LongAdder a : counts.values()) {
            sum += a.sum();
        }
        return sum;
    }
}
