package io.connlab.mock.http;

import io.connlab.mock.OutOfMemoryExit;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of a connection that turned HTTP/2: takes the HTTP/1.1 request handling and
 * its read timeouts out of the connection's pipeline (each stream has its own), closes the
 * connection once it has had no open stream for {@link HttpLimits#idleTimeout()}, and keeps the
 * connection's bounds: request body bytes in flight, answer bytes waiting for the client to read
 * them, and its share of the handler workers ({@link StreamWork}). Event loop only (a connection's
 * streams run on its event loop), but for {@link #work()}.
 */
final class Http2ConnectionGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(Http2ConnectionGuard.class);

    private final HttpLimits limits;
    private final ServerCounters counters;
    private final StreamWork work;
    private ChannelHandlerContext ctx;
    private int openStreams;
    private long bodyBytesInFlight;
    /** Answers written and not yet out, each array once however many streams carry it, and how many do. */
    private final Map<Object, int[]> answersWaiting = new IdentityHashMap<>();
    private volatile long answerBytesWaiting; // written on the event loop, read by workers too
    private ScheduledFuture<?> idleTimer;

    Http2ConnectionGuard(HttpLimits limits, Executor workers, ServerCounters counters) {
        this.limits = limits;
        this.counters = counters;
        this.work = new StreamWork(workers, H2c.MAX_HANDLERS_AT_ONCE);
    }

    /** The guard of the connection a stream belongs to. */
    static Http2ConnectionGuard of(Channel stream) {
        return stream.parent().pipeline().get(Http2ConnectionGuard.class);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.pipeline().get(HttpApiServer.DEADLINES) != null) ctx.pipeline().remove(HttpApiServer.DEADLINES);
        if (ctx.pipeline().get(HttpApiServer.REQUESTS) != null) ctx.pipeline().remove(HttpApiServer.REQUESTS);
        ChannelHandlerContext codec = ctx.pipeline().context(Http2FrameCodec.class);
        if (codec != null && ctx.pipeline().get(Http2ArrivalDeadlines.class) == null) {
            // upgraded from HTTP/1.1 (Upgrade: h2c): the client's preface comes next
            ctx.pipeline().addBefore(codec.name(), null, new Http2ArrivalDeadlines(limits, counters));
        }
        // a close of ours lets the client read the GOAWAY first, however hard it is still sending
        if (ctx.pipeline().get(LingeringClose.class) == null) ctx.pipeline().addFirst(new LingeringClose());
        armIdle();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarmIdle();
    }

    void streamOpened(Channel stream) {
        openStreams++;
        disarmIdle();
        stream.closeFuture().addListener(f -> {
            if (--openStreams == 0) armIdle();
        });
    }

    /** Counts {@code n} more body bytes in flight; false (nothing counted) when that would pass the bound. */
    boolean reserveBody(int n) {
        if (bodyBytesInFlight + n > H2c.MAX_BODY_BYTES_IN_FLIGHT) return false;
        bodyBytesInFlight += n;
        return true;
    }

    void releaseBody(long n) {
        bodyBytesInFlight -= n;
    }

    /** Where this connection's requests run: the workers, a few at a time. Any thread. */
    Executor work() {
        return work;
    }

    /**
     * True when this connection has half its {@link H2c#MAX_ANSWER_BYTES_WAITING} of answers its client
     * has not read: no room left for the largest answers, so new requests are refused rather than built.
     * Any thread.
     */
    boolean answersBacklogged() {
        return answerBytesWaiting >= H2c.MAX_ANSWER_BYTES_WAITING / 2;
    }

    /**
     * Counts an answer of {@code n} bytes (its array, {@code body}) as waiting until {@link #answerOut};
     * false, counting nothing, when it would put the connection past its bound (unless {@code anyway}).
     * An array already waiting on another stream costs nothing more: streams share it.
     */
    boolean answerWaiting(Object body, int n, boolean anyway) {
        int[] streams = answersWaiting.get(body);
        if (streams != null) {
            streams[0]++;
            return true;
        }
        if (!anyway && answerBytesWaiting > 0 && answerBytesWaiting + n > H2c.MAX_ANSWER_BYTES_WAITING) return false;
        answersWaiting.put(body, new int[]{1});
        answerBytesWaiting += n;
        counters.http2AnswerBytesWaitingMost.accumulateAndGet(counters.http2AnswerBytesWaiting.addAndGet(n), Math::max);
        return true;
    }

    /** The answer has left (or its stream or connection went): one stream less holds {@code body}. */
    void answerOut(Object body, int n) {
        int[] streams = answersWaiting.get(body);
        if (streams == null || --streams[0] > 0) return;
        answersWaiting.remove(body);
        answerBytesWaiting -= n;
        counters.http2AnswerBytesWaiting.addAndGet(-n);
    }

    private void armIdle() {
        disarmIdle();
        if (!ctx.channel().isOpen()) return;
        idleTimer = ctx.executor().schedule(() -> {
            if (openStreams == 0) ctx.close(); // the HTTP/2 codec says GOAWAY first
        }, limits.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void disarmIdle() {
        if (idleTimer != null) idleTimer.cancel(false);
        idleTimer = null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarmIdle();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.exitIfOutOfMemory(cause);
        LOG.debug("HTTP/2 connection failed", cause);
        // a protocol error: the codec answers GOAWAY with its code (ENHANCE_YOUR_CALM...) and closes itself
        if (!(cause instanceof Http2Exception)) ctx.close();
    }
}
