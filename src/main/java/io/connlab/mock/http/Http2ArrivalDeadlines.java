package io.connlab.mock.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 head deadline ({@link HttpLimits#headTimeout()}), on an HTTP/2 connection's bytes,
 * just below its codec: the connection preface (the magic and the first SETTINGS frame), each
 * frame, and each header block (HEADERS and its CONTINUATIONs) must finish within it of their
 * first byte, else the connection is closed (GOAWAY first). Without it a client that stops half
 * way through one of them holds the connection for the idle timeout (5 minutes), where an HTTP/1.1
 * head gets 10 s. It only counts bytes; the codec checks what they mean. Event loop only.
 */
final class Http2ArrivalDeadlines extends ChannelInboundHandlerAdapter {
    private static final int FRAME_HEAD_BYTES = 9;
    private static final int HEADERS = 1, PUSH_PROMISE = 5, CONTINUATION = 9, END_HEADERS = 4;
    private static final byte[] MAGIC = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final HttpLimits limits;
    private final ServerCounters counters;
    private ChannelHandlerContext ctx;

    private int magicRead;
    /** Not at the start of the client's HTTP/2 bytes (an upgrading client sent them with its request): the codec alone judges. */
    private boolean lost;
    private boolean prefaceDone;
    private final byte[] head = new byte[FRAME_HEAD_BYTES];
    private int headRead;
    private long payloadLeft;
    private boolean blockOpen;
    /** When the oldest unfinished thing (preface, header block, frame) began; 0 when nothing is unfinished. */
    private long since;
    private ScheduledFuture<?> timer;

    Http2ArrivalDeadlines(HttpLimits limits, ServerCounters counters) {
        this.limits = limits;
        this.counters = counters;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) began(System.nanoTime()); // the preface is due from now
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        began(System.nanoTime());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b && !lost) count(b, b.readerIndex(), b.writerIndex());
        ctx.fireChannelRead(msg);
    }

    private void count(ByteBuf b, int at, int end) {
        long now = System.nanoTime();
        while (magicRead < MAGIC.length && at < end) {
            if (b.getByte(at++) != MAGIC[magicRead++]) {
                lost = true;
                since = 0;
                return;
            }
        }
        while (at < end) {
            if (payloadLeft == 0 && headRead == 0 && !blockOpen && prefaceDone) since = now; // a new frame begins
            if (headRead < FRAME_HEAD_BYTES) {
                head[headRead++] = b.getByte(at++);
                if (headRead == FRAME_HEAD_BYTES) {
                    payloadLeft = ((head[0] & 0xffL) << 16) | ((head[1] & 0xffL) << 8) | (head[2] & 0xffL);
                    int type = head[3] & 0xff;
                    if (type == HEADERS || type == PUSH_PROMISE || type == CONTINUATION) {
                        blockOpen = (head[4] & END_HEADERS) == 0;
                    }
                }
            } else {
                int n = (int) Math.min(payloadLeft, end - at);
                payloadLeft -= n;
                at += n;
            }
            if (headRead == FRAME_HEAD_BYTES && payloadLeft == 0) {
                headRead = 0; // that frame is whole
                prefaceDone = true; // the first frame after the magic is the SETTINGS the preface ends with
            }
        }
        boolean unfinished = !prefaceDone || headRead > 0 || payloadLeft > 0 || blockOpen;
        if (!unfinished) since = 0;
        else if (timer == null) arm(limits.headTimeout().toNanos());
    }

    private void began(long now) {
        since = now;
        if (timer == null) arm(limits.headTimeout().toNanos());
    }

    private void arm(long inNanos) {
        timer = ctx.executor().schedule(this::check, inNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        timer = null;
        if (since == 0 || !ctx.channel().isActive()) return;
        long late = System.nanoTime() - since - limits.headTimeout().toNanos();
        if (late < 0) {
            arm(-late); // what is unfinished now began later than what armed the timer
            return;
        }
        counters.timedOut.increment();
        ctx.channel().close(); // from the tail, through the codec, which says GOAWAY first
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timer != null) timer.cancel(false);
        timer = null;
        super.channelInactive(ctx);
    }
}
