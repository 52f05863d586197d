package io.connlab.mock.poll;

import io.connlab.mock.http.HttpIo;
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
 * {@code seq} order (1, 2, 3, ...). Older messages fall out of the window, and a poller
 * whose cursor fell behind is told so ({@code gap}). Thread-safe; appending wakes held polls.
 */
public final class MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);
    public static final int DEFAULT_WINDOW = 10_000;

    private final Object lock = new Object();
    private final int window;
    private final Message[] ring;
    private final byte[][] encoded;
    private long head;
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();

    public MessageStore(int window) {
        if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
        this.window = window;
        this.ring = new Message[window];
        this.encoded = new byte[window][];
    }

    /** Stores {@code data} as the next message and wakes whoever waits for one. */
    public Message append(String data) {
        Objects.requireNonNull(data, "data");
        byte[] quoted = quote(data); // the costly part of the encoding, done outside the lock
        Message m;
        synchronized (lock) {
            m = new Message(head + 1, data, System.currentTimeMillis());
            int i = index(m.seq());
            ring[i] = m;
            encoded[i] = encode(m, quoted);
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
            return Math.max(1, head - window + 1);
        }
    }

    public int window() {
        return window;
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
            long oldest = Math.max(1, head - window + 1);
            boolean gap = cursor + 1 < oldest;
            long from = gap ? oldest : cursor + 1;
            long to = Math.min(head, from + maxMessages - 1);
            if (from > to) return Slice.empty(cursor, gap);
            List<Message> messages = new ArrayList<>((int) (to - from + 1));
            List<byte[]> json = new ArrayList<>((int) (to - from + 1));
            long bytes = 0;
            for (long seq = from; seq <= to; seq++) {
                byte[] e = encoded[index(seq)];
                if (!messages.isEmpty() && bytes + e.length > maxBytes) break;
                bytes += e.length + 1;
                messages.add(ring[index(seq)]);
                json.add(e);
            }
            return new Slice(messages.get(messages.size() - 1).seq(), gap, messages, json);
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

    private static byte[] quote(String data) {
        try {
            return HttpIo.JSON.writeValueAsBytes(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a string always encodes", e);
        }
    }

    /** {@code {"seq":N,"data":"...","publishedAt":T}} with the quoted data spliced in. */
    private static byte[] encode(Message m, byte[] quotedData) {
        byte[] before = ("{\"seq\":" + m.seq() + ",\"data\":").getBytes(StandardCharsets.US_ASCII);
        byte[] after = (",\"publishedAt\":" + m.publishedAt() + "}").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[before.length + quotedData.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(quotedData, 0, out, before.length, quotedData.length);
        System.arraycopy(after, 0, out, before.length + quotedData.length, after.length);
        return out;
    }
}
