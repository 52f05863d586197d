package io.connlab.mock.edge;

import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** An admission for tests: decides with a function and counts what the edge reports. */
final class CountingAdmission implements Admission {
    private final boolean needsHead;
    private final BiFunction<InetSocketAddress, String, Verdict> decide;
    final AtomicInteger decided = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final Queue<String> heads = new ConcurrentLinkedQueue<>();

    CountingAdmission(boolean needsHead, BiFunction<InetSocketAddress, String, Verdict> decide) {
        this.needsHead = needsHead;
        this.decide = decide;
    }

    static CountingAdmission allowAll() {
        return new CountingAdmission(false, (c, h) -> Verdict.admit());
    }

    @Override
    public boolean needsRequestHead() {
        return needsHead;
    }

    @Override
    public Verdict decide(InetSocketAddress client, String requestHead) {
        decided.incrementAndGet();
        if (requestHead != null) heads.add(requestHead);
        return decide.apply(client, requestHead);
    }

    @Override
    public void closed(InetSocketAddress client) {
        closed.incrementAndGet();
    }
}
