package io.connlab.mock.http;

import io.connlab.mock.edge.NetworkConditions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The head of every connection's pipeline, next to the socket: delays each direction by the
 * {@link NetworkConditions} (half the RTT, plus jitter), keeping the bytes of one direction in
 * order, and counts the exact bytes both ways. With no delay set it passes everything at once.
 * Runs on the connection's event loop only.
 */
final class NetworkShaper extends ChannelDuplexHandler {
    private final NetworkConditions conditions;
    private final ServerCounters counters;
    final Instant openedAt = Instant.now();
    volatile InetSocketAddress client;
    volatile long bytesIn;
    volatile long bytesOut;
    private long lastInDue;
    private long lastOutDue;
    // What is held back, oldest first. Each timer sends the oldest, not "its own", message: two
    // messages due at the same instant (a later one is never due before an earlier one) get
    // timers whose deadlines the event loop computes from its own clock, read a moment after
    // ours, so they may fire in either order; an answer's body then went out before its head.
    private final ArrayDeque<Object> delayedIn = new ArrayDeque<>();
    private final ArrayDeque<Delayed> delayedOut = new ArrayDeque<>();

    private record Delayed(Object msg, ChannelPromise promise) {
    }

    NetworkShaper(NetworkConditions conditions, ServerCounters counters) {
        this.conditions = conditions;
        this.counters = counters;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        client = (InetSocketAddress) ctx.channel().remoteAddress();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        int n = size(msg);
        bytesIn += n;
        counters.bytesIn.add(n);
        long delay = conditions.oneWayDelayNanos();
        if (delay == 0 && delayedIn.isEmpty()) {
            ctx.fireChannelRead(msg);
            return;
        }
        long now = System.nanoTime();
        long due = Math.max(now + delay, lastInDue); // a later byte is never due before an earlier one
        lastInDue = due;
        delayedIn.add(msg);
        ctx.executor().schedule(() -> {
            Object oldest = delayedIn.poll();
            if (!ctx.channel().isActive()) {
                ReferenceCountUtil.release(oldest);
                return;
            }
            ctx.fireChannelRead(oldest);
            ctx.fireChannelReadComplete();
        }, due - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (delayedIn.isEmpty()) ctx.fireChannelReadComplete(); // else the delayed read completes itself
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long delay = conditions.oneWayDelayNanos();
        if (delay == 0 && delayedOut.isEmpty()) {
            count(msg);
            ctx.write(msg, promise);
            return;
        }
        long now = System.nanoTime();
        long due = Math.max(now + delay, lastOutDue);
        lastOutDue = due;
        delayedOut.add(new Delayed(msg, promise));
        ctx.executor().schedule(() -> {
            Delayed oldest = delayedOut.poll();
            count(oldest.msg());
            ctx.writeAndFlush(oldest.msg(), oldest.promise());
        }, due - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (delayedOut.isEmpty()) ctx.flush(); // else each delayed write flushes itself when due
    }

    private void count(Object msg) {
        int n = size(msg);
        bytesOut += n;
        counters.bytesOut.add(n);
    }

    private static int size(Object msg) {
        if (msg instanceof ByteBuf b) return b.readableBytes();
        if (msg instanceof ByteBufHolder h) return h.content().readableBytes();
        return 0;
    }
}
