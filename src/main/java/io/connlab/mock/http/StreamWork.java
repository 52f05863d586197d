package io.connlab.mock.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One HTTP/2 connection's share of the handler workers: at most {@link H2c#MAX_HANDLERS_AT_ONCE}
 * of its requests are on the workers (queued or running) at a time, the rest wait here in order.
 * An HTTP/1.1 connection has one request on the workers at most; without this, one HTTP/2
 * connection's thousand streams of heavy short polls would fill the workers' queue, and every
 * other client would wait behind all of them. Thread-safe.
 */
final class StreamWork implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(StreamWork.class);
    private final Executor workers;
    private final int max;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int onWorkers;

    StreamWork(Executor workers, int max) {
        this.workers = workers;
        this.max = max;
    }

    /** @throws RejectedExecutionException when the workers stop (the caller answers 503) */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (onWorkers >= max) {
                waiting.add(task);
                return;
            }
            onWorkers++;
        }
        try {
            workers.execute(() -> runThenNext(task));
        } catch (RejectedExecutionException stopping) {
            synchronized (this) {
                onWorkers--;
            }
            throw stopping;
        }
    }

    private void runThenNext(Runnable task) {
        for (Runnable next = task; next != null; ) {
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("a request's handler failed", e);
            }
            synchronized (this) {
                next = waiting.poll();
                if (next == null) onWorkers--;
            }
            if (next == null) return;
            Runnable handOver = next;
            try {
                // to the back of the workers' queue, behind other clients' requests
                workers.execute(() -> runThenNext(handOver));
                return;
            } catch (RejectedExecutionException stopping) {
                // the server is closing: finish this connection's requests here
            }
        }
    }
}
