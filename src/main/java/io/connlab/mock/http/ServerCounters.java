package io.connlab.mock.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The HTTP listener's running totals, written by every event loop, read by the admin API. */
final class ServerCounters {
    final AtomicInteger open = new AtomicInteger();
    /** Answers handed to a connection and not yet written (or dropped with it). */
    final AtomicInteger writing = new AtomicInteger();
    /** Answer bytes on HTTP/2 streams that their clients have not read yet (see {@link Http2ConnectionGuard}). */
    final AtomicLong http2AnswerBytesWaiting = new AtomicLong();
    /** The most {@link #http2AnswerBytesWaiting} has been: what a test of the bound reads, not a sample of it. */
    final AtomicLong http2AnswerBytesWaitingMost = new AtomicLong();
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder timedOut = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
}
