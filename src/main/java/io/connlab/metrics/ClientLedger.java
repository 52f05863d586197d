package io.connlab.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A lane's per-client loss ledger: which seqs the publisher sent, and for each client what it
 * received ({@link ClientSeqs}), from which seq it was expected, whether it is connected. Judges
 * loss for a snapshot. Clients are 0..clients-1; ids outside that range (a lane that names its
 * clients otherwise) are kept as strays, at most {@value #MAX_STRAY_CLIENTS} of them.
 */
final class ClientLedger {
    static final long NONE = ClientSeqs.NONE;
    private static final int MAX_STRAY_CLIENTS = 100_000;

    /** What the clients add up to at one moment. */
    record Judgement(long lost, long expected, long open, long connectedMicros) {
    }

    private final int clients;
    private final AtomicReferenceArray<ClientSeqs> byIndex;
    private final ConcurrentHashMap<Integer, ClientSeqs> strays = new ConcurrentHashMap<>();
    private final ClientSeqs strayOverflow = new ClientSeqs(NONE);
    private final PublishedSeqs published = new PublishedSeqs();

    ClientLedger(int clients) {
        if (clients < 0) {
            throw new IllegalArgumentException("clients must be >= 0, was " + clients);
        }
        this.clients = clients;
        this.byIndex = new AtomicReferenceArray<>(clients);
    }

    PublishedSeqs published() {
        return published;
    }

    /** The client's ledger entry, made on first sight: expected from the next seq to be published (or all of them). */
    ClientSeqs client(int client) {
        if (client >= 0 && client < clients) {
            ClientSeqs c = byIndex.get(client);
            if (c == null) {
                c = new ClientSeqs(startForNewClient());
                if (!byIndex.compareAndSet(client, null, c)) {
                    c = byIndex.get(client);
                }
            }
            return c;
        }
        ClientSeqs c = strays.get(client);
        if (c != null) {
            return c;
        }
        if (strays.size() >= MAX_STRAY_CLIENTS) {
            return strayOverflow;
        }
        return strays.computeIfAbsent(client, k -> new ClientSeqs(startForNewClient()));
    }

    /**
     * Loss over every client for the seqs up to {@code settled}; clients never seen missed all of them.
     *
     * @param first the run's first seq, or NONE when nothing of the stream is judged (a pool lane)
     */
    Judgement judge(long now, long settled, long first) {
        long lost = 0;
        long expected = 0;
        long open = 0;
        long connected = 0;
        for (int i = 0; i < clients; i++) {
            ClientSeqs c = byIndex.get(i);
            if (c == null) {
                if (first != NONE && settled != NONE && settled >= first) {
                    lost += settled - first + 1;
                    expected += settled - first + 1;
                }
                continue;
            }
            long[] figures = judge(c, now, settled, first);
            lost += figures[0];
            expected += figures[1];
            open += figures[2];
            connected += figures[3];
        }
        for (ClientSeqs c : strays.values()) {
            long[] figures = judge(c, now, settled, first);
            lost += figures[0];
            expected += figures[1];
            open += figures[2];
            connected += figures[3];
        }
        return new Judgement(lost, expected, open, connected);
    }

    /** lost, expected, open (0/1), connected micros of the open connection. */
    private static long[] judge(ClientSeqs c, long now, long settled, long first) {
        synchronized (c) {
            long lost = 0;
            long expected = 0;
            if (settled != NONE) {
                lost = c.lost(settled, first);
                long from = c.expectedFrom(first);
                expected = from == NONE || settled < from ? 0 : settled - from + 1;
            }
            boolean open = c.openSinceMicros != NONE;
            return new long[] {lost, expected, open ? 1 : 0, open ? Math.max(0, now - c.openSinceMicros) : 0};
        }
    }

    private long startForNewClient() {
        long last = published.last();
        return last == NONE ? NONE : last + 1;
    }
}
