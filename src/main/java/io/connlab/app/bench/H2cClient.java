package io.connlab.app.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A lean HTTP/2 client in clear text (prior knowledge) on Netty's HTTP/2 codec: a few connections
 * to one server, each carrying many requests as streams, given out in turn. For holding
 * thousands of polls on a handful of descriptors; one event loop does all the work.
 */
public final class H2cClient implements AutoCloseable {
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("h2c-client", true),
            NioIoHandler.newFactory());
    private final List<Channel> connections = new ArrayList<>();
    private final String authority;
    private int next;

    /** An answer: its status, its body, and when its head arrived ({@link System#nanoTime()}). */
    public record Answer(int status, String body, long headNanos) {
    }

    /** A request on its way: its answer, and a way to reset its stream (RST_STREAM) before then. */
    public record Request(CompletableFuture<Answer> answer, Http2StreamChannel stream) {
        public void reset() {
            stream.close();
        }
    }

    /** Connects {@code connections} times to host:port and waits for each server's SETTINGS. */
    public H2cClient(String host, int port, int connections) throws IOException {
        authority = host + ":" + port;
        try {
            for (int i = 0; i < connections; i++) this.connections.add(connect(host, port));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Channel connect(String host, int port) throws IOException {
        CompletableFuture<Void> settings = new CompletableFuture<>();
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()),
                                new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                        if (msg instanceof Http2SettingsFrame) settings.complete(null);
                                        ReferenceCountUtil.release(msg);
                                    }
                                });
                    }
                });
        Channel ch = b.connect(host, port).awaitUninterruptibly().channel();
        if (!ch.isActive()) throw new IOException("cannot connect to " + authority);
        try {
            settings.get(10, TimeUnit.SECONDS); // the server's stream limit is known before the first stream
        } catch (Exception e) {
            ch.close();
            throw new IOException("no HTTP/2 SETTINGS from " + authority + " within 10 s", e);
        }
        return ch;
    }

    /** A GET on the next connection in turn. */
    public Request get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /** A request with an optional body (null for none) on the next connection in turn. */
    public synchronized Request send(String method, String pathAndQuery, String contentType, byte[] body) {
        Channel parent = connections.get(next++ % connections.size());
        return send(parent, method, pathAndQuery, contentType, body);
    }

    /** A request on connection {@code index}. */
    public Request send(int index, String method, String pathAndQuery, String contentType, byte[] body) {
        return send(connections.get(index), method, pathAndQuery, contentType, body);
    }

    private Request send(Channel parent, String method, String pathAndQuery, String contentType, byte[] body) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(parent).handler(new AnswerReader(answer))
                .open().syncUninterruptibly().getNow();
        Http2Headers headers = new DefaultHttp2Headers().method(method).path(pathAndQuery).scheme("http").authority(authority);
        if (contentType != null) headers.set("content-type", contentType);
        boolean noBody = body == null || body.length == 0;
        stream.write(new DefaultHttp2HeadersFrame(headers, noBody));
        if (!noBody) stream.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
        stream.flush();
        stream.closeFuture().addListener(f -> answer.completeExceptionally(new IOException("stream closed before its answer")));
        return new Request(answer, stream);
    }

    /** Reads one answer on its stream: head, then data to the end of the stream. */
    private static final class AnswerReader extends ChannelInboundHandlerAdapter {
        private final CompletableFuture<Answer> answer;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int status;
        private long headNanos;

        AnswerReader(CompletableFuture<Answer> answer) {
            this.answer = answer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                boolean end = false;
                if (msg instanceof Http2HeadersFrame h) {
                    if (headNanos == 0) headNanos = System.nanoTime();
                    CharSequence s = h.headers().status();
                    if (s != null && status < 200) status = Integer.parseInt(s.toString());
                    end = h.isEndStream();
                } else if (msg instanceof Http2DataFrame d) {
                    ByteBuf c = d.content();
                    c.readBytes(body, c.readableBytes());
                    end = d.isEndStream();
                }
                if (end) answer.complete(new Answer(status, body.toString(StandardCharsets.UTF_8), headNanos));
            } catch (IOException e) {
                answer.completeExceptionally(e);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    public int connections() {
        return connections.size();
    }

    @Override
    public void close() {
        for (Channel c : connections) c.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
