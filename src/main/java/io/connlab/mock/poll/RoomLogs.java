package io.connlab.mock.poll;

import io.connlab.mock.RoomName;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One message log per room, made on first use: each room has its own sequence numbers, so a
 * cursor in room A says nothing about room B. The default room keeps the full window; the others
 * a smaller one, and past {@link #MAX_ROOMS} rooms or {@link #MAX_TOTAL_BYTES} held in all, the
 * room used least recently (never the default room) is forgotten: its pollers learn of it as a gap.
 * {@link #publish} puts a message in its room's log and hands it to the room's fan-out in one
 * step, so WebSocket clients receive a room's messages in the order pollers see them.
 */
public final class RoomLogs {
    public static final int MAX_ROOMS = 1000;
    /** A run's 10,000 messages of a few hundred bytes each fit with room to spare. */
    public static final long ROOM_MAX_BYTES = 16L << 20;
    public static final long MAX_TOTAL_BYTES = MessageStore.DEFAULT_MAX_BYTES + (128L << 20);

    private final int window;
    private final MessageStore defaultRoom;
    /** Least recently used first (access order). */
    private final LinkedHashMap<String, MessageStore> rooms = new LinkedHashMap<>(16, 0.75f, true);
    private final List<BiConsumer<MessageStore, Message>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();

    public RoomLogs(int window) {
        this(new MessageStore(window));
    }

    /** Rooms whose default room is {@code defaultRoom} (tests hand in a small one). */
    public RoomLogs(MessageStore defaultRoom) {
        this.window = defaultRoom.window();
        this.defaultRoom = defaultRoom;
        listen(defaultRoom);
    }

    /** The log of {@code room} (a valid name, or null for the default room), made when new. */
    public MessageStore log(String room) {
        if (room == null || room.equals(RoomName.DEFAULT)) return defaultRoom;
        synchronized (rooms) {
            MessageStore log = rooms.get(room);
            if (log == null) {
                if (rooms.size() >= MAX_ROOMS) forgetOldest(null);
                log = new MessageStore(window, ROOM_MAX_BYTES);
                listen(log);
                rooms.put(room, log);
            }
            return log;
        }
    }

    /**
     * Runs {@code fanOut} and appends {@code data} to the room's log as one step per room: two
     * publishes to a room reach its fan-out in the order of their sequence numbers.
     */
    public Message publish(String room, String data, Consumer<String> fanOut) {
        MessageStore log = log(room);
        Message m;
        synchronized (log) {
            fanOut.accept(data);
            m = log.append(data);
        }
        published.incrementAndGet();
        if (log != defaultRoom) keepWithinBudget(log);
        return m;
    }

    /** Messages published in every room since the start. */
    public long published() {
        return published.get();
    }

    /** Rooms with a log now, the default room included. */
    public int rooms() {
        synchronized (rooms) {
            return rooms.size() + 1;
        }
    }

    /** Called after every append in any room, with the room's log (outside the log's lock). */
    void addListener(BiConsumer<MessageStore, Message> listener) {
        listeners.add(listener);
    }

    void removeListener(BiConsumer<MessageStore, Message> listener) {
        listeners.remove(listener);
    }

    private void listen(MessageStore log) {
        log.addListener(m -> {
            for (BiConsumer<MessageStore, Message> l : listeners) l.accept(log, m);
        });
    }

    private void keepWithinBudget(MessageStore keep) {
        synchronized (rooms) {
            while (totalBytes() > MAX_TOTAL_BYTES && forgetOldest(keep)) {
                // forgetting one at a time, oldest first
            }
        }
    }

    /** Called holding {@code rooms}. */
    private long totalBytes() {
        long total = defaultRoom.bytesHeld();
        for (MessageStore log : rooms.values()) total += log.bytesHeld();
        return total;
    }

    /** Called holding {@code rooms}: forgets the least recently used room other than {@code keep}. */
    private boolean forgetOldest(MessageStore keep) {
        Iterator<Map.Entry<String, MessageStore>> it = rooms.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() != keep) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** The names of the rooms with a log now, least recently used first (for tests and status). */
    List<String> names() {
        synchronized (rooms) {
            List<String> out = new ArrayList<>(rooms.keySet());
            out.add(0, RoomName.DEFAULT);
            return out;
        }
    }
}
