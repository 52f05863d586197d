package io.connlab.mock.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The read timeouts of one connection, just above the socket: a request's head must arrive
 * within {@link HttpLimits#headTimeout()} of its first byte and its body within
 * {@link HttpLimits#bodyTimeout()} of the head, else the client is answered 408 and closed; a
 * connection idle between requests is closed after {@link HttpLimits#idleTimeout()}. While a
 * request is being answered no read timer runs (a held poll has its own). On an HTTP/2 stream it
 * sits above the stream's codec and answers a late body with a 408 on that stream alone. Event
 * loop only.
 */
final class RequestDeadlines extends ChannelInboundHandlerAdapter {
    private static final String TIMED_OUT_BODY = "{\"message\":\"Request Timeout: the request did not arrive in time\"}";
    private static final byte[] TIMED_OUT = response408();
    private static final byte[] TIMED_OUT_BODY_BYTES = TIMED_OUT_BODY.getBytes(StandardCharsets.UTF_8);

    private enum Phase { IDLE, HEAD, BODY, ANSWERING }

    private final HttpLimits limits;
    private final ServerCounters counters;
    private final boolean onStream;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    private ScheduledFuture<?> timer;

    RequestDeadlines(HttpLimits limits, ServerCounters counters) {
        this(limits, counters, false);
    }

    /** @param onStream true: on an HTTP/2 stream, above its codec (a 408 goes out as an HTTP message) */
    RequestDeadlines(HttpLimits limits, ServerCounters counters, boolean onStream) {
        this.limits = limits;
        this.counters = counters;
        this.onStream = onStream;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(limits.idleTimeout());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (phase == Phase.IDLE && msg instanceof ByteBuf b && b.isReadable()) {
            phase = Phase.HEAD;
            arm(limits.headTimeout());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm(); // the connection turned HTTP/2: its streams keep their own time
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }

    /** The head of a request has been read: its body is now on the clock. */
    void headRead() {
        phase = Phase.BODY;
        arm(limits.bodyTimeout());
    }

    /** The whole request has been read: the handler's time, not the client's. */
    void requestRead() {
        phase = Phase.ANSWERING;
        disarm();
    }

    /** The answer is out: the connection waits for its next request. */
    void answered() {
        phase = Phase.IDLE;
        arm(limits.idleTimeout());
    }

    private void arm(Duration after) {
        disarm();
        Phase armedFor = phase;
        timer = ctx.executor().schedule(() -> expire(armedFor), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }

    private void expire(Phase armedFor) {
        if (phase != armedFor || !ctx.channel().isActive()) return;
        if (phase == Phase.IDLE) {
            ctx.close();
            return;
        }
        counters.timedOut.increment();
        // below the HTTP/1.1 codec these bytes go out as they are; on a stream, as a message. Then it closes
        Object answer = onStream ? Responses.of(408, "application/json", TIMED_OUT_BODY_BYTES, Map.of(), false)
                : Unpooled.wrappedBuffer(TIMED_OUT);
        ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    private static byte[] response408() {
        return ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: " + TIMED_OUT_BODY.length()
                + "\r\nConnection: close\r\n\r\n" + TIMED_OUT_BODY).getBytes(StandardCharsets.ISO_8859_1);
    }
}
