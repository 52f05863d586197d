package io.connlab.mock.http;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * On the listening channel: a failed accept ("Too many open files" when the process is out of
 * descriptors) pauses accepting for {@link #PAUSE_MILLIS}, then accepting resumes; the listening
 * socket and its backlog stay. Netty's own acceptor does the same with a 1 s pause; this one,
 * ahead of it, keeps the pause short so clients are served within the second descriptors free up
 * (the WebSocket gateway's acceptor pauses as long).
 */
final class AcceptBackoff extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptBackoff.class);
    static final long PAUSE_MILLIS = 100;

    private boolean failing; // the listener's event loop's alone

    /** An accepted connection: the shortage, if there was one, is over. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        failing = false;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        ChannelConfig config = ctx.channel().config();
        if (!config.isAutoRead()) return; // already pausing
        if (!failing) { // once per shortage, not every pause
            LOG.warn("accepting an HTTP connection failed ({}); trying again every {} ms", cause.getMessage(), PAUSE_MILLIS);
        }
        failing = true;
        config.setAutoRead(false);
        ctx.executor().schedule(() -> config.setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
