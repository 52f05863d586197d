package io.connlab.lane;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One caller of a {@link LaneHttpClient}: one request at a time on its own keep-alive
 * connection, opened on first use and again after the server closes it. Everything here runs
 * on the connection's event loop, so the state needs no locks; {@link Answer} is called there too.
 *
 * <p>A request sent on a kept-alive connection that the server had just closed (it closes idle
 * connections whenever it likes, and the close can cross our request on the wire) is sent once
 * more on a new connection, when not a byte of an answer came back, as browsers do: almost
 * always the server closed it idle and never read the request. java.net.http retries only GETs
 * that way, so such a POST failed with "io". (A server that read a request and then dropped the
 * connection without a byte gets it twice: a forced drop during an invocation runs it again.)
 */
final class Caller {
    /** Where the outcome of a request goes; called once per request, on the event loop. */
    interface Answer {
        void answered(Reply reply);

        void failed(Throwable error);
    }

    /** An answer: status, the header lookup, the body, and the bytes it took on the wire. */
    record Reply(int status, io.netty.handler.codec.http.HttpHeaders headers, byte[] body, long bytes) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final LaneHttpClient client;
    private final Bootstrap bootstrap;
    private final EventLoop loop;
    private Channel channel;
    private Exchange pending;

    private static final class Exchange {
        final byte[] request;
        final Answer answer;
        ScheduledFuture<?> timer;
        Channel channel;
        boolean reused;
        boolean retried;
        LaneHttpClient.ByteCounter counter;
        long readMark;

        Exchange(byte[] request, Answer answer) {
            this.request = request;
            this.answer = answer;
        }
    }

    Caller(LaneHttpClient client, Bootstrap bootstrap) {
        this.client = client;
        this.bootstrap = bootstrap;
        this.loop = (EventLoop) bootstrap.config().group();
    }

    /**
     * Sends {@code request} (from {@link LaneHttpClient#encode}) and answers {@code answer} once:
     * the reply, or the failure (a connect or timeout exception, or the I/O error).
     * Throws {@link java.util.concurrent.RejectedExecutionException} once the client is closed.
     */
    void send(byte[] request, long timeoutMillis, Answer answer) {
        Exchange ex = new Exchange(request, answer);
        loop.execute(() -> {
            if (pending != null) { // a caller sends one request at a time; the lanes make sure of it
                answer.failed(new IllegalStateException("a request is already out on this connection"));
                return;
            }
            pending = ex;
            ex.timer = loop.schedule(() -> timedOut(ex), timeoutMillis, TimeUnit.MILLISECONDS);
            write(ex);
        });
    }

    /** Abandons the request out (its answer is never called) and closes the connection. */
    void cancel() {
        try {
            loop.execute(() -> {
                Exchange ex = pending;
                pending = null;
                if (ex != null) ex.timer.cancel(false);
                if (channel != null) channel.close();
                channel = null;
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the client is closed: its connections are closing with it
        }
    }

    private void write(Exchange ex) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ex.reused = true;
            writeOn(ch, ex);
            return;
        }
        ex.reused = false;
        bootstrap.connect(client.host, client.port).addListener((ChannelFuture f) -> {
            if (pending != ex) { // timed out or cancelled while connecting
                f.channel().close();
                return;
            }
            if (!f.isSuccess()) {
                finish(ex);
                ex.answer.failed(f.cause());
                return;
            }
            channel = f.channel();
            channel.pipeline().get(Reader.class).caller = this;
            writeOn(channel, ex);
        });
    }

    private void writeOn(Channel ch, Exchange ex) {
        ex.channel = ch;
        ex.counter = ch.pipeline().get(Reader.class).counter;
        ex.readMark = ex.counter.read;
        ch.writeAndFlush(Unpooled.wrappedBuffer(ex.request)).addListener(f -> {
            if (!f.isSuccess()) lost(ch, f.cause());
        });
    }

    private void responded(Channel ch, FullHttpResponse resp) {
        Exchange ex = pending;
        if (ex == null || ex.channel != ch) { // nothing asked on this connection: do not trust it further
            ch.close();
            return;
        }
        if (resp.decoderResult().isFailure()) {
            lost(ch, new IOException("unreadable HTTP answer: " + resp.decoderResult().cause()));
            return;
        }
        long bytes = ex.counter.read - ex.readMark;
        byte[] body = ByteBufUtil.getBytes(resp.content());
        finish(ex);
        if (!HttpUtil.isKeepAlive(resp)) {
            ch.close();
            if (channel == ch) channel = null;
        }
        ex.answer.answered(new Reply(resp.status().code(), resp.headers(), body, bytes));
    }

    /** The connection closed or broke: retry a request the server cannot have read, else fail it. */
    private void lost(Channel ch, Throwable cause) {
        ch.close();
        if (channel == ch) channel = null;
        Exchange ex = pending;
        if (ex == null || ex.channel != ch) return;
        if (ex.reused && !ex.retried && ex.counter.read == ex.readMark) {
            ex.retried = true;
            ex.channel = null; // a late close of the old connection is not this request's any more
            write(ex);
            return;
        }
        finish(ex);
        ex.answer.failed(cause);
    }

    private void timedOut(Exchange ex) {
        if (pending != ex) return;
        pending = null;
        if (ex.channel != null) ex.channel.close(); // the answer may still come: this connection is spoiled
        if (channel == ex.channel) channel = null;
        ex.answer.failed(new HttpTimeoutException("request timed out"));
    }

    private void finish(Exchange ex) {
        pending = null;
        ex.timer.cancel(false);
    }

    /** The last handler of a connection: hands answers and closes to the caller that owns it. */
    static final class Reader extends SimpleChannelInboundHandler<FullHttpResponse> {
        final LaneHttpClient.ByteCounter counter;
        Caller caller;

        Reader(LaneHttpClient.ByteCounter counter) {
            this.counter = counter;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse resp) {
            if (caller != null) caller.responded(ctx.channel(), resp);
            else ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (caller != null) caller.lost(ctx.channel(), new EOFException("the server closed the connection before answering"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (caller != null) caller.lost(ctx.channel(), cause);
            else ctx.close();
        }
    }
}
