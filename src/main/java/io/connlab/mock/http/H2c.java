package io.connlab.mock.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.AsciiString;

import java.util.concurrent.Executor;

/**
 * HTTP/2 in clear text (h2c) on the HTTP port, beside HTTP/1.1: a client that starts with the
 * HTTP/2 preface (prior knowledge), or asks with {@code Upgrade: h2c} on its first request, gets
 * HTTP/2, and many held polls share its one connection (one descriptor). Every other connection
 * stays HTTP/1.1, handled exactly as before. Each stream is mapped to HTTP/1-style objects and
 * handled by the same {@link HttpConnection} code (routes, access, deadlines, body bounds).
 */
final class H2c {
    /**
     * Streams one connection may have open at once. A held poll's stream costs about what an
     * HTTP/1.1 connection costs in heap (docs/PERFORMANCE.md), so 1,000 is what 1,000 sockets
     * from the same client could already cost, and ten connections carry a class of 10,000.
     */
    static final int MAX_CONCURRENT_STREAMS = 1000;
    /** Request body bytes in flight on one connection (read, not yet answered); past it a stream is refused 503. */
    static final long MAX_BODY_BYTES_IN_FLIGHT = 16L << 20;
    /** RST_STREAM frames a client may send (rapid reset, CVE-2023-44487), or make the server send, per window, before GOAWAY. */
    static final int MAX_RESETS_PER_WINDOW = 200;
    static final int RESET_WINDOW_SECONDS = 30;
    /**
     * Answer bytes one connection may have waiting for its client to read them (flow control), each
     * shared array once: a few of the largest poll answers (a 256 KB message of control characters
     * escapes to about 1.5 MB). Past half of it new streams are refused; an answer that would pass it
     * is replaced by a short 503.
     */
    static final long MAX_ANSWER_BYTES_WAITING = 8L << 20;
    /** Requests of one connection on the handler workers at once (an HTTP/1.1 connection has one); the rest wait in order. */
    static final int MAX_HANDLERS_AT_ONCE = 2;
    /** SETTINGS/PING acknowledgements queued for a client that does not read, before the connection closes. */
    static final int MAX_QUEUED_CONTROL_FRAMES = 1000;

    private H2c() {
    }

    /**
     * The handler for a new connection's pipeline in the place of the HTTP/1.1 codec: it adds that
     * codec for HTTP/1.1, or the HTTP/2 handlers once the client speaks HTTP/2.
     *
     * @param streams sets up each HTTP/2 stream's own pipeline
     * @param workers where the handlers run; each HTTP/2 connection gets its share ({@link StreamWork})
     */
    static ChannelHandler onConnection(HttpLimits limits, ChannelHandler streams, Executor workers, ServerCounters counters) {
        HttpServerCodec http1 = new HttpServerCodec(limits.maxHeadBytes(), limits.maxHeadBytes(), 64 * 1024);
        HttpServerUpgradeHandler.UpgradeCodecFactory factory = protocol ->
                AsciiString.contentEqualsIgnoreCase(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                        ? new Http2ServerUpgradeCodec(frameCodec(limits), new Http2MultiplexHandler(streams),
                        new Http2ConnectionGuard(limits, workers, counters))
                        : null;
        // only a first request asks; with the upgrade aside after it, HTTP/1.1 runs as it did before
        HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(http1, factory, 0,
                DefaultHttpHeadersFactory.headersFactory(), DefaultHttpHeadersFactory.trailersFactory(), true) {
            @Override
            protected boolean shouldHandleUpgradeRequest(HttpRequest request) {
                return asksForH2c(request);
            }
        };
        ChannelHandler priorKnowledge = new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new Http2ArrivalDeadlines(limits, counters), frameCodec(limits),
                        new Http2MultiplexHandler(streams), new Http2ConnectionGuard(limits, workers, counters));
            }
        };
        return new CleartextHttp2ServerUpgradeHandler(http1, upgrade, priorKnowledge);
    }

    /**
     * Upgrade only a request without a body that names h2c: any other (a WebSocket upgrade sent
     * here, a POST asking for h2c) is served as HTTP/1.1, as RFC 9110 lets a server do, so its
     * body bound and answer stay HTTP/1.1's.
     */
    static boolean asksForH2c(HttpRequest request) {
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        if (upgrade == null || HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) != 0) {
            return false;
        }
        for (String p : upgrade.split(",")) {
            if (p.trim().equalsIgnoreCase("h2c")) return true;
        }
        return false;
    }

    /** The connection's HTTP/2 codec, with every per-connection bound Netty offers set. */
    private static Http2FrameCodec frameCodec(HttpLimits limits) {
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
                .maxHeaderListSize(limits.maxHeadBytes()); // HTTP/1.1's head bound: 16 KB of headers
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(settings)
                // one budget for resets both ways, counted where every reset passes (Netty's count only some)
                .frameLogger(new Http2ResetBudget())
                .decoderEnforceMaxRstFramesPerWindow(0, 0)
                .encoderEnforceMaxRstFramesPerWindow(0, 0)
                .encoderEnforceMaxQueuedControlFrames(MAX_QUEUED_CONTROL_FRAMES)
                .decoderEnforceMaxConsecutiveEmptyDataFrames(2)
                .decoderEnforceMaxSmallContinuationFrames(16)
                .gracefulShutdownTimeoutMillis(0) // a closing server or a forced drop does not wait for held streams
                .build();
    }
}
