package io.connlab.mock.poll;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The published messages the poll API serves: a bounded window of the newest ones, in
 * {@code seq} order (1, 2, 3, ...), bounded both in messages and in bytes, so publishing
 * cannot exhaust the heap however large the messages. Older messages fall out of the window,
 * and a poller whose cursor fell behind is told so ({@code gap}). Each message is held once, as
 * UTF-8; poll answers escape it on the way out. Thread-safe; appending wakes held polls.
 */
public final class MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);
    public static final int DEFAULT_WINDOW = 10_000;
    /** 256 of SNS's largest messages; far more than a run's 10,000 small ones need. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** What a held message costs beyond its bytes: the Message, its array header, its ring slot. */
    static final int OVERHEAD_BYTES = 64;

    private final Object lock = new Object();
    private final int window;
    private final long maxBytes;
    private final Message[] ring;
    private long head;
    /** The oldest seq still held; head + 1 while empty. */
    private long oldest = 1;
    private long bytesHeld;
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();

    public MessageStore(int window) {
        this(window, DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxBytes the window's bound in bytes (message bytes plus {@value #OVERHEAD_BYTES} each);
     *                 the newest message is always kept
     */
    public MessageStore(int window, long maxBytes) {
        if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        this.window = window;
        this.maxBytes = maxBytes;
        this.ring = new Message[window];
    }

    /** Stores {@code data} as the next message and wakes whoever waits for one. */
    public Message append(String data) {
        Objects.requireNonNull(data, "data");
        byte[] utf8 = data.getBytes(StandardCharsets.UTF_8); // the costly parts, done outside the lock
        int quoted = JsonText.quotedLength(utf8);
        long cost = cost(utf8);
        Message m;
        synchronized (lock) {
            while (oldest <= head && (head - oldest + 1 >= window || bytesHeld + cost > maxBytes)) {
                int i = index(oldest);
                bytesHeld -= cost(ring[i].utf8);
                ring[i] = null;
                oldest++;
            }
            m = new Message(head + 1, utf8, quoted, System.currentTimeMillis());
            ring[index(m.seq())] = m;
            bytesHeld += cost;
            head = m.seq();
        }
        for (Consumer<Message> listener : listeners) {
            try {
                listener.accept(m);
            } catch (RuntimeException e) {
                LOG.warn("append listener failed", e);
            }
        }
        return m;
    }

    /** The newest seq, 0 while empty. */
    public long head() {
        synchronized (lock) {
            return head;
        }
    }

    /** How many messages were ever appended (the window may hold fewer). */
    public long published() {
        return head();
    }

    /** The oldest seq still held (1 while nothing fell out of the window). */
    public long oldest() {
        synchronized (lock) {
            return Math.min(oldest, Math.max(head, 1));
        }
    }

    public int window() {
        return window;
    }

    /** The bytes the window holds now, overhead included; never more than its bound, bar one oversized newest message. */
    public long bytesHeld() {
        synchronized (lock) {
            return bytesHeld;
        }
    }

    /** The messages after {@code cursor}, in order. */
    public List<Message> after(long cursor, int maxMessages) {
        return slice(cursor, maxMessages, Integer.MAX_VALUE).messages;
    }

    /**
     * The messages after {@code cursor}: at most {@code maxMessages} and, past the first one,
     * about {@code maxBytes} of encoded JSON. A cursor ahead of the newest message answers
     * with the newest as cursor and {@code gap}; a cursor older than the window gets what is
     * left, with {@code gap}.
     */
    Slice slice(long cursor, int maxMessages, int maxBytes) {
        synchronized (lock) {
            if (cursor > head) return Slice.empty(head, true);
            boolean gap = cursor + 1 < oldest;
            long from = gap ? oldest : cursor + 1;
            long to = Math.min(head, from + maxMessages - 1);
            if (from > to) return Slice.empty(cursor, gap);
            List<Message> messages = new ArrayList<>((int) Math.min(to - from + 1, 1024));
            long bytes = 0;
            for (long seq = from; seq <= to; seq++) {
                Message m = ring[index(seq)];
                int length = m.jsonLength();
                if (!messages.isEmpty() && bytes + length > maxBytes) break;
                bytes += length + 1;
                messages.add(m);
            }
            return new Slice(messages.get(messages.size() - 1).seq(), gap, messages);
        }
    }

    void addListener(Consumer<Message> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<Message> listener) {
        listeners.remove(listener);
    }

    private int index(long seq) {
        return (int) ((seq - 1) % window);
    }

    private static long cost(byte[] utf8) {
        return utf8.length + (long) OVERHEAD_BYTES;
    }
}
