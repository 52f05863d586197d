package io.connlab.mock.http;

import io.connlab.mock.OutOfMemoryExit;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The last handler of a connection that turned HTTP/2: takes the HTTP/1.1 request handling and
 * its read timeouts out of the connection's pipeline (each stream has its own), closes the
 * connection once it has had no open stream for {@link HttpLimits#idleTimeout()}, and keeps the
 * connection's count of request body bytes in flight. Event loop only: a connection's streams
 * run on its event loop.
 */
final class Http2ConnectionGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(Http2ConnectionGuard.class);

    private final HttpLimits limits;
    private ChannelHandlerContext ctx;
    private int openStreams;
    private long bodyBytesInFlight;
    private ScheduledFuture<?> idleTimer;

    Http2ConnectionGuard(HttpLimits limits) {
        this.limits = limits;
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
