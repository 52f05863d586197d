package io.connlab.mock.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/2 stream's share of its connection's answer bound: an answer counts as waiting from
 * its write until it has left for the client (or its stream went). An answer that would put the
 * connection past {@link H2c#MAX_ANSWER_BYTES_WAITING} is dropped for a short 503 that says why:
 * a client that asks for answers and never reads them holds a few megabytes, not a thousand
 * answers of 1.5 MB each. Answers share their bytes (one array, many streams), and the bound
 * counts each array once. Event loop only.
 */
final class StreamAnswerBudget extends ChannelOutboundHandlerAdapter {
    /** One array for every refusal, so a thousand of them waiting cost its bytes once. */
    static final byte[] BACKLOGGED = ("{\"message\":\"Service Unavailable: this HTTP/2 connection already has "
            + (H2c.MAX_ANSWER_BYTES_WAITING >> 20) + " MB of answers its client has not read; read them, or use"
            + " another connection\"}").getBytes(StandardCharsets.UTF_8);

    private final Http2ConnectionGuard connection;
    private final ServerCounters counters;

    StreamAnswerBudget(Http2ConnectionGuard connection, ServerCounters counters) {
        this.connection = connection;
        this.counters = counters;
    }


    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof FullHttpResponse r) || !r.content().isReadable()) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf content = r.content();
        Object key = content.hasArray() ? content.array() : content; // the bytes a handler's answer wraps
        int n = content.readableBytes();
        if (!connection.answerWaiting(key, n, key == BACKLOGGED)) {
            counters.refused.increment();
            r.release();
            write(ctx, Responses.of(503, "application/json", BACKLOGGED, Map.of(), false), promise);
            return;
        }
        ctx.write(msg, promise.unvoid()).addListener(f -> connection.answerOut(key, n));
    }
}
