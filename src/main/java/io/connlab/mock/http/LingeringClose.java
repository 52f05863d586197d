package io.connlab.mock.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.TimeUnit;

/**
 * An HTTP/2 connection the server closes while its client is still sending (a GOAWAY for too
 * many resets, for a stalled frame) is first closed for writing only, then its input is read
 * and dropped until the client closes or {@link #LINGER_MILLIS} pass. Closed at once, the unread
 * bytes would make the kernel answer with a TCP reset, which throws away the GOAWAY the client
 * has not read yet: the client would see "connection reset" instead of the reason (RFC 9113,
 * 6.8, asks for a graceful close). The wait is bounded: a client that sends nothing for
 * {@link #QUIET_MILLIS} is closed then, and one that never stops costs a descriptor for at most
 * {@link #LINGER_MILLIS}. Sits at the head of the pipeline: it sees the close after every other
 * handler has written what it had.
 */
final class LingeringClose extends ChannelDuplexHandler {
    static final long LINGER_MILLIS = 2_000;
    static final long QUIET_MILLIS = 100;

    private boolean draining;
    private long lastReadNanos;

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (draining) {
            ctx.channel().closeFuture().addListener(f -> promise.trySuccess());
            return;
        }
        if (!(ctx.channel() instanceof SocketChannel ch) || !ch.isActive() || ch.isInputShutdown() || ch.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        draining = true;
        ch.closeFuture().addListener(f -> promise.trySuccess());
        // what was written goes first, then the FIN: the client reads the GOAWAY, then the end
        ctx.flush();
        ch.shutdownOutput().addListener(f -> {
            if (!f.isSuccess()) ctx.close();
        });
        ch.config().setAutoRead(true);
        ctx.read();
        lastReadNanos = System.nanoTime();
        closeWhenQuiet(ctx, lastReadNanos + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS));
    }

    private void closeWhenQuiet(ChannelHandlerContext ctx, long deadlineNanos) {
        ctx.executor().schedule(() -> {
            long now = System.nanoTime();
            if (now - lastReadNanos >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS) || now - deadlineNanos >= 0) {
                ctx.close(); // from the head: the real close
            } else if (ctx.channel().isOpen()) {
                closeWhenQuiet(ctx, deadlineNanos);
            }
        }, QUIET_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (draining) {
            lastReadNanos = System.nanoTime();
            ReferenceCountUtil.release(msg); // read to keep the kernel from resetting, never acted on
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
