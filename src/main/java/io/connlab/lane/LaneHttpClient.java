package io.connlab.lane;

import io.connlab.thread.DaemonThreads;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lanes' HTTP/1.1 client: one keep-alive connection per {@link Caller}, requests written
 * as bytes we encode ourselves, answers decoded by Netty on one event-loop thread, TLS for
 * https (hostname checked, the JDK's trust store unless a test passes its own).
 *
 * <p>Why not java.net.http: on a 2-core machine its {@code sendAsync} completes every answer
 * on a new thread (the CompletableFuture default executor when the common pool has one
 * thread), so a thousand pollers started ~900 threads a second and saturated the cores
 * (see docs/PERFORMANCE.md, "Poll lanes at scale").
 */
final class LaneHttpClient implements AutoCloseable {
    /** The largest answer read: a poll answer is about 1 MB past a first message of up to 256 KB. */
    static final int MAX_ANSWER_BYTES = 8 << 20;

    final URI base;
    final String host;
    final int port;
    final String hostHeader;
    private final EventLoopGroup group;
    private final List<Bootstrap> bootstraps = new ArrayList<>();
    private int nextLoop;

    /**
     * @param base  the scheme, host and port every request goes to
     * @param trust null for the JDK's trust store (live stacks), else what a test trusts
     */
    LaneHttpClient(URI base, String threadPrefix, Duration connectTimeout, TrustManagerFactory trust) {
        this.base = base;
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        this.hostHeader = base.getPort() > 0 ? host + ":" + port : host;
        SslContext ssl = tls ? sslContext(trust) : null;
        // one thread: a poll answer costs a few microseconds here, and the mock shares the machine
        this.group = new MultiThreadIoEventLoopGroup(1, DaemonThreads.factory(threadPrefix + "-io"), NioIoHandler.newFactory());
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        group.forEach(loop -> bootstraps.add(new Bootstrap().group((EventLoop) loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                        ByteCounter counter = new ByteCounter();
                        ch.pipeline().addLast(counter, new HttpResponseDecoder(),
                                new HttpObjectAggregator(MAX_ANSWER_BYTES), new Caller.Reader(counter));
                    }
                })));
    }

    boolean tls() {
        return "https".equalsIgnoreCase(base.getScheme());
    }

    /** A new caller with its own connection (opened on its first request), on the next event loop. */
    synchronized Caller caller() {
        Bootstrap b = bootstraps.get(nextLoop++ % bootstraps.size());
        return new Caller(this, b);
    }

    /** The request line and headers, then the body: what goes on the wire, byte for byte. */
    byte[] encode(String method, String target, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Accept: application/json\r\n")
                .append("User-Agent: connlab\r\n");
        if (body.length > 0 || !"GET".equals(method)) {
            if (contentType != null) head.append("Content-Type: ").append(contentType).append("\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body.length == 0) return h;
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    /** Closes every connection and ends the event-loop thread (at once: nothing waits for an answer after stop). */
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static SslContext sslContext(TrustManagerFactory trust) {
        try {
            return SslContextBuilder.forClient().trustManager(trust).endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

    /** Counts the bytes of each answer as they arrive (after TLS), for the lane's byte figures. */
    static final class ByteCounter extends io.netty.channel.ChannelInboundHandlerAdapter {
        long read;

        @Override
        public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf b) read += b.readableBytes();
            ctx.fireChannelRead(msg);
        }
    }
}
