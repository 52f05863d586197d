package io.connlab.mock.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameLogger;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2LifecycleManager;
import io.netty.handler.logging.LogLevel;
import io.netty.util.internal.PlatformDependent;

import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection's budget of RST_STREAM frames, both ways: those the client sends (rapid
 * reset, CVE-2023-44487) and those it makes the server send (a stream error such as a zero
 * WINDOW_UPDATE, a refused stream, "MadeYouReset"), {@link H2c#MAX_RESETS_PER_WINDOW} per
 * {@link H2c#RESET_WINDOW_SECONDS}. Past it the connection gets GOAWAY {@code ENHANCE_YOUR_CALM}
 * and closes, and no frame it sent after that is acted on.
 *
 * <p>It sits where Netty's frame logger does, on the frame reader and writer themselves, because
 * that is the one place every reset passes: Netty's own reset limits count only the resets its
 * connection encoder writes, not the ones a closing stream writes, which is how one connection made
 * the server send 196,250 resets in 10 s. Event loop only (one per connection).
 */
final class Http2ResetBudget extends Http2FrameLogger {
    private final long windowNanos = TimeUnit.SECONDS.toNanos(H2c.RESET_WINDOW_SECONDS);
    private long windowStart = System.nanoTime();
    private int inWindow;
    private boolean exceeded;

    Http2ResetBudget() {
        super(LogLevel.TRACE, Http2ResetBudget.class);
    }

    @Override
    public void logRstStream(Direction direction, ChannelHandlerContext ctx, int streamId, long errorCode) {
        super.logRstStream(direction, ctx, streamId, errorCode);
        if (exceeded) {
            stopReading(direction);
            return;
        }
        long now = System.nanoTime();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            inWindow = 0;
        }
        if (++inWindow <= H2c.MAX_RESETS_PER_WINDOW) return;
        exceeded = true;
        if (direction == Direction.INBOUND) stopReading(direction);
        // a reset on its way out: the codec is busy writing it, so GOAWAY (and the close) come right after it
        ctx.executor().execute(() -> {
            if (ctx.channel().isOpen()) ((Http2LifecycleManager) ctx.handler()).onError(ctx, true, tooMany());
        });
    }

    // Every frame read after the budget ran out ends the read with the error instead of being acted on.

    @Override
    public void logHeaders(Direction direction, ChannelHandlerContext ctx, int streamId, Http2Headers headers,
                           int padding, boolean endStream) {
        stopReading(direction);
        super.logHeaders(direction, ctx, streamId, headers, padding, endStream);
    }

    @Override
    public void logHeaders(Direction direction, ChannelHandlerContext ctx, int streamId, Http2Headers headers,
                           int streamDependency, short weight, boolean exclusive, int padding, boolean endStream) {
        stopReading(direction);
        super.logHeaders(direction, ctx, streamId, headers, streamDependency, weight, exclusive, padding, endStream);
    }

    @Override
    public void logData(Direction direction, ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding,
                        boolean endStream) {
        stopReading(direction);
        super.logData(direction, ctx, streamId, data, padding, endStream);
    }

    @Override
    public void logWindowsUpdate(Direction direction, ChannelHandlerContext ctx, int streamId, int windowSizeIncrement) {
        stopReading(direction);
        super.logWindowsUpdate(direction, ctx, streamId, windowSizeIncrement);
    }

    private void stopReading(Direction direction) {
        // thrown from the frame reader, the codec answers it as any connection error: GOAWAY with its code, then close
        if (exceeded && direction == Direction.INBOUND) PlatformDependent.throwException(tooMany());
    }

    private static Http2Exception tooMany() {
        return Http2Exception.connectionError(Http2Error.ENHANCE_YOUR_CALM,
                "more than %d RST_STREAM frames, sent or provoked, within %d seconds", H2c.MAX_RESETS_PER_WINDOW,
                H2c.RESET_WINDOW_SECONDS);
    }
}
