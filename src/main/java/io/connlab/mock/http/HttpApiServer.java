package io.connlab.mock.http;

import io.connlab.mock.edge.NetworkConditions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The mock's HTTP listener (poll, SNS, invoke, {@code @connections}, admin) on Netty: one socket
 * per client connection, whose pipeline applies the network conditions and counts its bytes
 * ({@link NetworkShaper}), bounds how long a request may take to arrive ({@link RequestDeadlines}),
 * and reads each request whole before a handler sees it ({@link HttpConnection}). HTTP/1.1, or
 * HTTP/2 in clear text ({@link H2c}), whose streams each get the same request handling. Event loops only
 * ever read and write; handlers run on the given workers, and none waits on a client.
 */
public final class HttpApiServer implements AutoCloseable {
    /** Handler names an HTTP/2 connection takes out of its pipeline: each of its streams has its own. */
    static final String DEADLINES = "deadlines";
    static final String REQUESTS = "requests";
    private final EventLoopGroup loops;
    private final Channel server;
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ServerCounters counters = new ServerCounters();
    private final InetSocketAddress address;

    private HttpApiServer(InetSocketAddress bind, Routes routes, NetworkConditions conditions, HttpLimits limits,
                          ClassKeys keys, Executor workers, int backlog) throws IOException {
        HttpAccess access = new HttpAccess(keys, bind.getHostString());
        // an HTTP/2 stream: the same request handling as an HTTP/1.1 connection, over HTTP/1-style messages
        ChannelInitializer<Http2StreamChannel> streams = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                Http2ConnectionGuard connection = Http2ConnectionGuard.of(stream);
                connection.streamOpened(stream);
                if (connection.answersBacklogged()) { // its client does not read what it asked for: ask for no more
                    counters.refused.increment();
                    stream.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.REFUSED_STREAM));
                    return;
                }
                RequestDeadlines deadlines = new RequestDeadlines(limits, counters, true);
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                        new StreamAnswerBudget(connection, counters), new StreamBodyBudget(connection, counters), deadlines,
                        new HttpConnection(routes, access, limits, connection.work(), counters, deadlines));
            }
        };
        loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("mock-http-io", true),
                NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, backlog)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AcceptBackoff())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        counters.accepted.increment();
                        counters.open.incrementAndGet();
                        ch.closeFuture().addListener(f -> counters.open.decrementAndGet());
                        clients.add(ch);
                        RequestDeadlines deadlines = new RequestDeadlines(limits, counters);
                        ch.pipeline().addLast("network", new NetworkShaper(conditions, counters))
                                .addLast(DEADLINES, deadlines)
                                .addLast("codec", H2c.onConnection(limits, streams, workers, counters))
                                .addLast(REQUESTS, new HttpConnection(routes, access, limits, workers, counters, deadlines));
                    }
                });
        ChannelFuture bound = b.bind(bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (bound.cause() instanceof IOException io) throw io;
            throw new IOException("cannot listen on " + bind, bound.cause());
        }
        server = bound.channel();
        address = (InetSocketAddress) server.localAddress();
    }

    /**
     * Binds and starts serving.
     *
     * @param keys    the class token and instructor key the admin API and {@code @connections} check (null: none)
     * @param workers where handlers run; each gets a request that has fully arrived
     * @throws java.net.BindException when the address is in use or not this machine's
     */
    public static HttpApiServer start(InetSocketAddress bind, Routes routes, NetworkConditions conditions,
                                      HttpLimits limits, ClassKeys keys, Executor workers, int backlog) throws IOException {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(workers, "workers");
        return new HttpApiServer(bind, routes, conditions, limits, keys, workers, backlog);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Client connections open now. */
    public int openConnections() {
        return counters.open.get();
    }

    public long acceptedTotal() {
        return counters.accepted.sum();
    }

    /** Requests refused before any handler saw them (access, malformed or oversized heads). */
    public long refusedTotal() {
        return counters.refused.sum();
    }

    /** Requests answered 408 because their head or body did not arrive in time. */
    public long timedOutTotal() {
        return counters.timedOut.sum();
    }

    /**
     * Bytes of answers written on HTTP/2 streams and not yet read by their clients (waiting in flow
     * control), each array once per connection however many of its streams carry it.
     */
    public long http2AnswerBytesWaiting() {
        return counters.http2AnswerBytesWaiting.get();
    }

    /** The most {@link #http2AnswerBytesWaiting()} has been since the server started. */
    public long http2AnswerBytesWaitingMost() {
        return counters.http2AnswerBytesWaitingMost.get();
    }

    public long bytesFromClients() {
        return counters.bytesIn.sum();
    }

    public long bytesToClients() {
        return counters.bytesOut.sum();
    }

    /** A snapshot of the open connections: who, since when, exact bytes each way. */
    public List<ClientConnection> connections() {
        List<ClientConnection> out = new ArrayList<>();
        for (Channel ch : clients) {
            NetworkShaper s = ch.pipeline().get(NetworkShaper.class);
            if (s != null && ch.isActive()) out.add(new ClientConnection(s.client, s.openedAt, s.bytesIn, s.bytesOut));
        }
        return out;
    }

    /**
     * Forced drop: resets every connection (RST) but the one from {@code keep} (the admin request
     * asking for the drop still gets its answer). Returns how many were reset.
     */
    public int dropAllExcept(InetSocketAddress keep) {
        int n = 0;
        for (Channel ch : clients) {
            if (!ch.isActive() || Objects.equals(ch.remoteAddress(), keep)) continue;
            ch.config().setOption(ChannelOption.SO_LINGER, 0);
            ch.close();
            n++;
        }
        return n;
    }

    /**
     * Stops accepting, gives answers already on their way up to {@code grace} to leave, then
     * closes every connection. Idempotent.
     */
    public void close(Duration grace) {
        server.close().syncUninterruptibly();
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && counters.writing.get() > 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        clients.close().awaitUninterruptibly(grace.toMillis() + 1000);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
