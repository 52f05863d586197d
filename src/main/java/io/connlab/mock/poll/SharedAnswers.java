package io.connlab.mock.poll;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Large poll answers, encoded once and shared: every poll that asks for the same slice of the
 * stream (the same first message, the same last one) gets the same immutable array, which the
 * server writes to each client without copying. A thousand short polls with an old cursor then
 * cost one encoding and one array of up to about 2.5 MB (a 256 KB message of control characters
 * escapes to 1.5 MB), not a thousand. The most recently used ones are kept, up to
 * {@value #MAX_BYTES} bytes (and each one's first message, never larger than its answer); small
 * answers are cheaper to build than to share. One cache for every store: a key names its store's
 * own message. Thread-safe.
 */
final class SharedAnswers {
    /** Answers at least this large are shared. */
    static final int MIN_SHARED_BYTES = 64 * 1024;
    static final long MAX_BYTES = 16L << 20;

    /** A slice, by its first message (identity: each store holds its own) and where it ends. */
    private record Key(Message first, long last, boolean gap) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.first == first && k.last == last && k.gap == gap;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(first) * 31 + Long.hashCode(last) + (gap ? 1 : 0);
        }
    }

    private static final Map<Key, byte[]> RECENT = new LinkedHashMap<>(16, 0.75f, true);
    private static long bytes;

    private SharedAnswers() {
    }

    /** The answer for a slice with messages whose JSON is about {@code size} bytes: shared when large. */
    static byte[] of(Slice slice, long size, java.util.function.Supplier<byte[]> encode) {
        if (size < MIN_SHARED_BYTES) return encode.get();
        Key key = new Key(slice.messages.get(0), slice.cursor, slice.gap);
        synchronized (RECENT) {
            byte[] known = RECENT.get(key);
            if (known != null) return known;
        }
        byte[] encoded = encode.get(); // outside the lock: two polls may both encode the first time
        synchronized (RECENT) {
            byte[] known = RECENT.putIfAbsent(key, encoded);
            if (known != null) return known;
            bytes += encoded.length;
            var oldest = RECENT.entrySet().iterator();
            while (bytes > MAX_BYTES && oldest.hasNext()) {
                byte[] out = oldest.next().getValue();
                if (out == encoded) break;
                bytes -= out.length;
                oldest.remove();
            }
        }
        return encoded;
    }
}
