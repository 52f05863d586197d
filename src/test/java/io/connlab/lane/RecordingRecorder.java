package io.connlab.lane;

import io.connlab.metrics.LaneRecorder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A LaneRecorder for tests: keeps every event so assertions can look at them. */
final class RecordingRecorder implements LaneRecorder {
    record Closed(int client, int code, String reason) {
    }

    record Delivery(int client, long seq, long sentAt, long receivedAt) {
    }

    record Error(int client, String kind, String detail) {
    }

    final AtomicLong opened = new AtomicLong();
    final List<Closed> closed = new CopyOnWriteArrayList<>();
    final AtomicLong reconnecting = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong bytesUp = new AtomicLong();
    final AtomicLong responses = new AtomicLong();
    final AtomicLong bytesDown = new AtomicLong();
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    final AtomicLong foreign = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final List<Error> errors = new CopyOnWriteArrayList<>();
    final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    volatile int throttled;

    @Override
    public void connectionOpened(int client) {
        opened.incrementAndGet();
    }

    @Override
    public void connectionClosed(int client, int code, String reason) {
        closed.add(new Closed(client, code, reason));
    }

    @Override
    public void reconnecting(int client, int attempt, long delayMillis) {
        reconnecting.incrementAndGet();
    }

    @Override
    public void requestSent(int client, long bytes) {
        requests.incrementAndGet();
        bytesUp.addAndGet(bytes);
    }

    /** Runs inside responseReceived for an answer that carries messages (before the lane moves its cursor). */
    volatile Runnable onAnswerWithMessages = () -> { };

    @Override
    public void responseReceived(int client, int status, long bytes, int messages) {
        responses.incrementAndGet();
        bytesDown.addAndGet(bytes);
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (messages > 0) onAnswerWithMessages.run();
    }

    @Override
    public void delivered(int client, long seq, long sentAtMicros, long receivedAtMicros) {
        delivered.add(new Delivery(client, seq, sentAtMicros, receivedAtMicros));
    }

    @Override
    public void foreign(int client, long bytes) {
        foreign.incrementAndGet();
    }

    @Override
    public void gap(int client, long missed) {
        gaps.incrementAndGet();
    }

    @Override
    public void error(int client, String kind, String detail) {
        errors.add(new Error(client, kind, detail));
    }

    @Override
    public synchronized void throttled() {
        throttled++;
    }

    @Override
    public void invocation(int client, Invocation result) {
        invocations.add(result);
    }

    long status(int status) {
        AtomicLong n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    Set<Long> seqsOf(int client) {
        Set<Long> out = ConcurrentHashMap.newKeySet();
        for (Delivery d : delivered) if (d.client() == client) out.add(d.seq());
        return out;
    }

    long errorsOfKind(String kind) {
        return errors.stream().filter(e -> e.kind().equals(kind)).count();
    }
}
