package io.connlab.mock.http;

import io.connlab.mock.OutOfMemoryExit;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One client connection above the HTTP codec: reads a request whole (its body up to the
 * route's bound), checks its access, hands it to the route's handler on a worker, writes the
 * answer, then reads the next. One request is answered at a time; requests pipelined behind
 * it wait, read ahead up to {@link HttpLimits#maxQueuedBytes()}. Event-loop confined except
 * {@link #respond}, {@link #abort} and {@link #whenGone}, which any thread may call.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter implements HttpExchange.Connection {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    /** A refused body up to this size is read and dropped before answering, so the client reads the answer. */
    static final long MAX_DISCARD_BYTES = 16L << 20;

    private final Routes routes;
    private final HttpAccess access;
    private final HttpLimits limits;
    private final Executor workers;
    private final ServerCounters counters;
    private final RequestDeadlines deadlines;
    private ChannelHandlerContext ctx;
    /** The connection an HTTP/2 stream belongs to; null on HTTP/1.1. */
    private Http2ConnectionGuard http2;

    // the request being read
    private HttpRequest head;
    private Route route;
    private URI uri;
    private ByteArrayOutputStream body;
    private long bodyBytes;
    private boolean tooLarge;
    private HttpAccess.Refusal refusal; // decided on the head: a refused request's body is dropped, never kept
    private boolean skipRest; // answered before its body ended: the rest is dropped unread, then the connection closes

    private boolean answering;
    private final ArrayDeque<Object> queued = new ArrayDeque<>();
    private int queuedBytes;
    private final List<Runnable> onGone = new ArrayList<>();
    private boolean gone;

    HttpConnection(Routes routes, HttpAccess access, HttpLimits limits, Executor workers, ServerCounters counters,
                   RequestDeadlines deadlines) {
        this.routes = routes;
        this.access = access;
        this.limits = limits;
        this.workers = workers;
        this.counters = counters;
        this.deadlines = deadlines;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel() instanceof Http2StreamChannel) http2 = Http2ConnectionGuard.of(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (skipRest) {
            ReferenceCountUtil.release(msg); // the rest of a body already refused; the connection closes
            return;
        }
        if (answering || !queued.isEmpty()) {
            queued.add(msg);
            if (msg instanceof HttpContent c) queuedBytes += c.content().readableBytes();
            if (queuedBytes > limits.maxQueuedBytes()) ctx.channel().config().setAutoRead(false);
            return;
        }
        try {
            read(msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void read(Object msg) {
        if (skipRest) return;
        if (msg instanceof HttpRequest request) {
            startRequest(request);
            if (answering) return;
        }
        if (msg instanceof HttpContent content && head != null && !answering) {
            if (content.decoderResult().isFailure()) {
                refuseAndClose(400, "{\"message\":\"Bad Request: the body's chunked encoding is broken\"}");
                return;
            }
            readBody(content.content());
            if (!answering && msg instanceof LastHttpContent) {
                deadlines.requestRead();
                dispatch();
            }
        }
    }

    private void startRequest(HttpRequest request) {
        deadlines.headRead();
        head = request;
        body = null;
        bodyBytes = 0;
        tooLarge = false;
        if (request.decoderResult().isFailure()) {
            int status = Responses.statusFor(request.decoderResult().cause());
            refuseAndClose(status, Responses.malformed(status));
            return;
        }
        if (request.headers().getAll(HttpHeaderNames.HOST).size() > 1) { // RFC 9112 3.2; else the first would pass the admin Host check
            refuseAndClose(400, "{\"message\":\"Bad Request: more than one Host header\"}");
            return;
        }
        try {
            // "//x" is an origin-form path (one no route has: 404), not the authority java.net.URI reads in it
            String target = request.uri();
            uri = new URI(target.startsWith("//") ? "http://localhost" + target : target);
        } catch (URISyntaxException e) {
            refuseAndClose(400, "{\"message\":\"Bad Request: the request target is not a valid URI\"}");
            return;
        }
        String rawPath = uri.getRawPath();
        route = routes.find(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        refusal = access.check(route.access(), request.method().name(), HttpIo.parseForm(uri.getRawQuery()), request.headers());
        long declared = HttpUtil.getContentLength(request, -1L);
        boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
        if (declared > route.maxBodyBytes() && (declared > MAX_DISCARD_BYTES || expectsContinue)) {
            // too large to read and drop, or the client waits to hear whether to send it: answer now, then close
            tooLarge = true;
            skipRest = true;
            deadlines.requestRead();
            dispatch();
            return;
        }
        if (expectsContinue) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private void readBody(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if (n == 0) return;
        bodyBytes += n;
        if (bodyBytes > route.maxBodyBytes()) {
            tooLarge = true;
            body = null;
            if (bodyBytes > MAX_DISCARD_BYTES) {
                skipRest = true; // answered at once; the connection closes after it
                deadlines.requestRead();
                dispatch();
            }
            return;
        }
        if (!route.keepsBody() || refusal != null) return;
        if (body == null) body = new ByteArrayOutputStream(Math.min(n, 64 * 1024));
        byte[] bytes = new byte[n];
        chunk.readBytes(bytes);
        body.write(bytes, 0, n);
    }

    private void dispatch() {
        answering = true;
        byte[] bytes = body == null ? new byte[0] : body.toByteArray();
        body = null;
        HttpExchange ex = new HttpExchange(this, head.method().name(), uri, head.headers(), bytes, bodyBytes, tooLarge);
        if (refusal != null) {
            counters.refused.increment();
            refusal.headers().forEach(ex.getResponseHeaders()::set);
            ex.respond(refusal.status(), refusal.contentType(), refusal.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Route r = route;
        try {
            workers.execute(() -> run(r, ex));
        } catch (RejectedExecutionException stopping) {
            ex.respond(503, "application/json", "{\"message\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void run(Route r, HttpExchange ex) {
        String method = ex.getRequestMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && !ctx.channel().isActive()) {
            return; // its client went (a reset HTTP/2 stream) before its turn: no one is left to read the answer
        }
        if (http2 != null && http2.answersBacklogged()) { // why build an answer the client will not read
            counters.refused.increment();
            ex.respond(503, "application/json", StreamAnswerBudget.BACKLOGGED);
            return;
        }
        try {
            r.handler().handle(ex);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ex.getRequestMethod(), r.path(), e);
            ex.respond(500, "application/json", "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void refuseAndClose(int status, String json) {
        counters.refused.increment();
        answering = true;
        skipRest = true;
        FullHttpResponse r = Responses.of(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of(), false);
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) ctx.channel().remoteAddress();
    }

    @Override
    public void respond(HttpExchange ex, int status, String contentType, byte[] bytes, Map<String, String> headers) {
        counters.writing.incrementAndGet();
        if (ctx.executor().inEventLoop()) write(ex, status, contentType, bytes, headers);
        else ctx.executor().execute(() -> write(ex, status, contentType, bytes, headers));
    }

    private void write(HttpExchange ex, int status, String contentType, byte[] bytes, Map<String, String> headers) {
        if (!ctx.channel().isActive()) {
            counters.writing.decrementAndGet();
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(head) && !skipRest;
        FullHttpResponse r = Responses.of(status, contentType, bytes, headers, "HEAD".equals(ex.getRequestMethod()));
        if (!keepAlive) r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        else if (head.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ctx.writeAndFlush(r).addListener(f -> {
            counters.writing.decrementAndGet();
            if (!keepAlive || !f.isSuccess()) {
                ctx.close();
                return;
            }
            nextRequest();
        });
    }

    /** The answer is out: read what was pipelined behind it, then the socket again. */
    private void nextRequest() {
        synchronized (onGone) {
            onGone.clear(); // they were the answered request's
        }
        answering = false;
        head = null;
        deadlines.answered();
        while (!answering && !queued.isEmpty()) {
            Object msg = queued.poll();
            if (msg instanceof HttpContent c) queuedBytes -= c.content().readableBytes();
            try {
                read(msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
        if (!ctx.channel().config().isAutoRead() && queuedBytes <= limits.maxQueuedBytes()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void abort() {
        ctx.close();
    }

    @Override
    public boolean whenGone(Runnable r) {
        synchronized (onGone) {
            if (gone) return false;
            onGone.add(r);
            return true;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        List<Runnable> toRun;
        synchronized (onGone) {
            gone = true;
            toRun = List.copyOf(onGone);
            onGone.clear();
        }
        for (Runnable r : toRun) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("releasing a request of a client that went away failed", e);
            }
        }
        Object msg;
        while ((msg = queued.poll()) != null) ReferenceCountUtil.release(msg);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        OutOfMemoryExit.exitIfOutOfMemory(cause); // Netty hands an event loop's OutOfMemoryError here, not to the JVM
        LOG.debug("HTTP connection failed", cause); // a reset, mostly: the client went away
        ctx.close();
    }
}
