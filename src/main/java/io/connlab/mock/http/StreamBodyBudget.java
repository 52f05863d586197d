package io.connlab.mock.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/2 stream's share of its connection's body bound: counts the request body bytes it
 * reads until its answer goes out, and answers 503 (then resets the stream) when they would put
 * the connection past {@link H2c#MAX_BODY_BYTES_IN_FLIGHT}. Without it a thousand streams could
 * each hold a kept body of 1 MB. Event loop only.
 */
final class StreamBodyBudget extends ChannelDuplexHandler {
    private static final byte[] REFUSED = ("{\"message\":\"Service Unavailable: this HTTP/2 connection already has "
            + (H2c.MAX_BODY_BYTES_IN_FLIGHT >> 20) + " MB of request bodies in flight; wait for their answers or use"
            + " another connection\"}").getBytes(StandardCharsets.UTF_8);

    private final Http2ConnectionGuard connection;
    private final ServerCounters counters;
    private long held;
    private boolean refused;

    StreamBodyBudget(Http2ConnectionGuard connection, ServerCounters counters) {
        this.connection = connection;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpContent c && c.content().isReadable()) {
            int n = c.content().readableBytes();
            if (!connection.reserveBody(n)) {
                refused = true;
                ReferenceCountUtil.release(msg);
                counters.refused.increment();
                giveBack();
                ctx.writeAndFlush(Responses.of(503, "application/json", REFUSED, Map.of(), false))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            held += n;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r && r.status().code() >= 200) giveBack(); // the body is the handler's no more
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        giveBack();
        super.channelInactive(ctx);
    }

    private void giveBack() {
        connection.releaseBody(held);
        held = 0;
    }
}
