package io.connlab.mock.gateway;

import io.connlab.mock.OutOfMemoryExit;
import io.connlab.mock.RoomName;
import io.connlab.mock.http.HttpIo;
import io.connlab.mock.http.HttpHandler;
import io.connlab.mock.TimeScale;
import io.connlab.mock.edge.NetworkConditions;
import io.connlab.mock.edge.SocketEdge;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The mock's WebSocket API, behaving like API Gateway running the simple-websockets-chat-app
 * sample: {@code {"action":"sendmessage","data":"hi"}} sends {@code hi} to every connection in the
 * sender's room ({@code ?room=} on its handshake, {@code default} without), sender included. Emulates API Gateway's frame, message, idle and duration limits, answers
 * unrouted messages with its {@code Forbidden} frame and offers the {@code @connections} API.
 * Its socket edge ({@link GatewayChannels}) sits in Java-WebSocket's own I/O path: the front door
 * (400/401/403/426/429), the network conditions and the byte counts, one descriptor per connection.
 */
public final class WebSocketGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
    private static final String GOING_AWAY = "Going away";
    /** How long close() waits for clients to answer the 1001 close frames. */
    private static final long CLOSE_HANDSHAKE_MILLIS = 1000;

    private final String stage;
    private final GatewayLimits limits;
    private final TimeScale timeScale;
    private final BiConsumer<String, String> chatLambda;
    private final Map<String, GatewayConnection> byId = new ConcurrentHashMap<>();
    /** The same connections in the order they opened: what a broadcast walks (see {@link #broadcast}). */
    private final Map<Long, GatewayConnection> inOpenOrder = new ConcurrentSkipListMap<>();
    /** The same connections by room, each room's in the order they opened; an emptied room is removed. */
    private final Map<String, ConcurrentSkipListMap<Long, GatewayConnection>> byRoom = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private final GatewayChannels channels;
    private final Server server;
    private final Outbox outbox;
    private final ConnectionsApi connectionsApi;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<Exception> startFailure = new AtomicReference<>();
    private final AtomicBoolean startCalled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object connectionClosed = new Object();
    private volatile InetSocketAddress address;

    /** A gateway on 127.0.0.1, any free port, with no added delay and no token. */
    public WebSocketGateway(String stage, GatewayLimits limits, TimeScale timeScale, Consumer<String> onSendMessage) {
        this(new InetSocketAddress("127.0.0.1", 0), stage, limits, timeScale, new NetworkConditions(0, 0), null, null,
                onSendMessage);
    }

    /**
     * @param bindAddress   where clients connect (port 0: any free one)
     * @param stage         the stage name; the WebSocket path is {@code /{stage}}
     * @param network       the added delay, applied to every byte of every connection
     * @param tokenOrNull   when set, a handshake without {@code ?token=} equal to it gets 401
     * @param chatLambda    what a {@code sendmessage} does, given the sender's room and the data (on a server
     *                      thread: keep it quick); it fans out with {@link #broadcast(String, String)}.
     *                      Null: just that broadcast.
     */
    public WebSocketGateway(InetSocketAddress bindAddress, String stage, GatewayLimits limits, TimeScale timeScale,
                            NetworkConditions network, String tokenOrNull, BiConsumer<String, String> chatLambda) {
        this(bindAddress, stage, limits, timeScale, network, tokenOrNull, chatLambda, null);
    }

    /** @param afterBroadcast with no chat Lambda given: told each {@code sendmessage}'s data after the room's broadcast */
    private WebSocketGateway(InetSocketAddress bindAddress, String stage, GatewayLimits limits, TimeScale timeScale,
                             NetworkConditions network, String tokenOrNull, BiConsumer<String, String> chatLambda,
                             Consumer<String> afterBroadcast) {
        this.stage = stage;
        this.limits = limits;
        this.timeScale = timeScale;
        this.chatLambda = chatLambda != null ? chatLambda : (room, data) -> {
            broadcast(room, data);
            if (afterBroadcast != null) afterBroadcast.accept(data);
        };
        FrontDoor frontDoor = new FrontDoor(stage, tokenOrNull, new ConnectRate(limits.newConnectionsPerSecond(), System::nanoTime));
        this.server = new Server(bindAddress, List.of(new FrameCapDraft(limits.maxFrameBytes(), limits.maxMessageBytes())));
        this.channels = new GatewayChannels(network, frontDoor);
        server.setWebSocketFactory(channels);
        this.outbox = new Outbox(limits.sendBacklogBytes());
        this.connectionsApi = new ConnectionsApi(this, limits.managementPostMaxBytes());
    }

    /** Binds its address and returns it (with the real port) once it listens. */
    public InetSocketAddress start() throws IOException {
        if (closed.get()) throw new IOException("gateway is closed");
        if (!startCalled.compareAndSet(false, true)) throw new IllegalStateException("gateway already started");
        server.setDaemon(true);
        server.setConnectionLostTimeout(0); // API Gateway sends no pings; idle is handled by the sweep
        server.setTcpNoDelay(true);
        server.setReuseAddr(true);
        server.setMaxPendingConnections(4096); // the listen backlog: a class connects at once
        server.start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) throw new IOException("WebSocket server did not start in 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        }
        Exception failure = startFailure.get();
        if (failure != null) throw new IOException("WebSocket server failed to start: " + failure.getMessage(), failure);
        long idle = timeScale.scale(limits.idleTimeout()).toNanos();
        long max = timeScale.scale(limits.maxConnectionDuration()).toNanos();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1), Math.min(idle, max) / 10));
        channels.every(period, () -> sweep(idle, max));
        address = new InetSocketAddress(server.getAddress().getAddress(), server.getPort());
        return address;
    }

    /** Where it listens (the real port), once started. */
    public InetSocketAddress address() {
        return address;
    }

    /** The socket edge: the counters the admin API shows, and the forced drop. */
    public SocketEdge edge() {
        return channels;
    }

    /** {@link #broadcast(String, String)} to the default room, where every connection without {@code ?room=} is. */
    public void broadcast(String text) {
        broadcast(RoomName.DEFAULT, text);
    }

    /**
     * Pushes {@code text} to every open connection in {@code room}, encoded once; never waits for a
     * slow client, and drops it for a client whose send backlog is full (see {@link #droppedForSlowClients()}).
     */
    public void broadcast(String room, String text) {
        ByteBuffer frame = Outbox.textFrame(Objects.requireNonNull(text, "text"));
        Map<Long, GatewayConnection> members = byRoom.get(room);
        if (members == null) return;
        // In the order the clients connected, as a Node ws server walks its clients: a client holding
        // many sockets reads them faster in that order (docs/PERFORMANCE.md, session 9).
        for (GatewayConnection c : members.values()) outbox.send(c, frame);
    }

    /** Messages not sent because their client's send backlog was full. */
    public long droppedForSlowClients() {
        return outbox.dropped();
    }

    public int connectionCount() {
        return byId.size();
    }

    public List<ConnectionInfo> connections() {
        List<ConnectionInfo> out = new ArrayList<>(byId.size());
        for (GatewayConnection c : inOpenOrder.values()) {
            if (c.socket.isOpen()) out.add(c.info());
        }
        return out;
    }

    /** The {@code @connections} management API, to mount at {@code /{stage}/@connections/}. */
    public HttpHandler connectionsApi() {
        return connectionsApi;
    }

    /** Closes every client with 1001 "Going away" and stops listening. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (!startCalled.get()) {
            channels.stopTimer();
            return;
        }
        try {
            // Java-WebSocket's stop() sends its close frames while its selector winds down after ~25 ms
            // idle: with many clients, or a round trip longer than that, some never get their 1001.
            // Close them while the server still runs, and give the handshakes a moment to complete.
            server.stopAccepting();
            for (GatewayConnection c : byId.values()) c.socket.close(CloseFrame.GOING_AWAY, GOING_AWAY);
            awaitNoConnections(CLOSE_HANDSHAKE_MILLIS);
            server.stop(1000, GOING_AWAY);
            channels.shutdown(TimeUnit.MILLISECONDS.toNanos(CLOSE_HANDSHAKE_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byId.clear();
        inOpenOrder.clear();
        byRoom.clear();
    }

    private void awaitNoConnections(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (connectionClosed) {
            while (!byId.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return;
                connectionClosed.wait(left);
            }
        }
    }

    /** Info on an open connection, or null when the id is unknown or gone. */
    ConnectionInfo connectionInfo(String id) {
        GatewayConnection c = byId.get(id);
        return c == null || !c.socket.isOpen() ? null : c.info();
    }

    /** Sends text to one connection: sent, its backlog full, or gone (unknown or closed). */
    Outbox.Sent sendTo(String id, String text) {
        GatewayConnection c = byId.get(id);
        return c == null ? Outbox.Sent.GONE : outbox.send(c, Outbox.textFrame(text));
    }

    /** Bytes queued for one connection and not yet on its socket (0 when unknown). */
    long sendBacklog(String id) {
        GatewayConnection c = byId.get(id);
        return c == null ? 0 : c.backlog();
    }

    /** Closes one connection with 1000; false when it is unknown or gone. */
    boolean disconnect(String id) {
        GatewayConnection c = byId.get(id);
        if (c == null || !c.socket.isOpen()) return false;
        c.socket.close(CloseFrame.NORMAL);
        return true;
    }

    static boolean isStagePath(String path, String stage) {
        return path.equals("/" + stage) || path.equals("/" + stage + "/");
    }

    private void sweep(long idleNanos, long maxNanos) {
        long now = System.nanoTime();
        for (GatewayConnection c : byId.values()) {
            if (!c.socket.isOpen()) continue;
            if (now - c.connectedNanos >= maxNanos || now - c.lastActiveNanos() >= idleNanos) {
                c.socket.close(CloseFrame.GOING_AWAY, GOING_AWAY);
            }
        }
    }

    private void route(GatewayConnection c, String text) {
        ChatRoutes.Outcome outcome = ChatRoutes.route(text);
        if (outcome instanceof ChatRoutes.Broadcast b) {
            try {
                chatLambda.accept(c.room, b.data());
            } catch (RuntimeException e) {
                LOG.warn("sendmessage failed", e);
            }
        } else if (outcome instanceof ChatRoutes.LambdaFailed) {
            answerError(c, "Internal server error");
        } else {
            answerError(c, "Forbidden");
        }
    }

    private void answerError(GatewayConnection c, String message) {
        outbox.send(c, Outbox.textFrame(ChatRoutes.errorFrame(message, c.id, AwsIds.next())));
    }

    /** The room a handshake's target names; the front door has refused any that is no room name. */
    private static String room(String target) {
        int q = target == null ? -1 : target.indexOf('?');
        return RoomName.orDefault(q < 0 ? null : HttpIo.parseForm(target.substring(q + 1)).get("room"));
    }

    /** The address the socket comes from: with no relay in front, a client's X-Forwarded-For is not believed. */
    private static String sourceIp(WebSocket conn) {
        InetSocketAddress remote = conn.getRemoteSocketAddress();
        return remote == null || remote.getAddress() == null ? "127.0.0.1" : remote.getAddress().getHostAddress();
    }

    /** Java-WebSocket's server; its callbacks run on its selector thread (see {@link #queue}). */
    private final class Server extends WebSocketServer implements GatewayAcceptor.Adopter {
        private InlineDecoding inline;
        private Selector selector;
        private volatile GatewayAcceptor acceptor;

        Server(InetSocketAddress address, List<Draft> drafts) {
            super(address, drafts);
        }

        /** Decodes on the selector thread that read the bytes: no hop to a worker (see {@link InlineDecoding}). */
        @Override
        protected void queue(WebSocketImpl ws) throws InterruptedException {
            ByteBuffer buffer = ws.inQueue.poll();
            if (buffer == null) return;
            try {
                ws.decode(buffer);
            } catch (RuntimeException e) {
                LOG.warn("decoding failed on {}", ws, e);
            } finally {
                inline.recycle(buffer);
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String userAgent = handshake.getFieldValue("User-Agent");
            GatewayConnection c = new GatewayConnection(AwsIds.next(), opened.incrementAndGet(), (WebSocketImpl) conn,
                    room(handshake.getResourceDescriptor()), sourceIp(conn), userAgent.isEmpty() ? null : userAgent);
            conn.setAttachment(c);
            byId.put(c.id, c);
            inOpenOrder.put(c.openOrder, c);
            byRoom.compute(c.room, (r, members) -> {
                ConcurrentSkipListMap<Long, GatewayConnection> m = members != null ? members : new ConcurrentSkipListMap<>();
                m.put(c.openOrder, c);
                return m;
            });
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            GatewayConnection c = conn.getAttachment();
            if (c != null) {
                byId.remove(c.id, c);
                inOpenOrder.remove(c.openOrder, c);
                byRoom.computeIfPresent(c.room, (r, members) -> {
                    members.remove(c.openOrder, c);
                    return members.isEmpty() ? null : members;
                });
            }
            if (closed.get()) {
                synchronized (connectionClosed) {
                    connectionClosed.notifyAll();
                }
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            GatewayConnection c = conn.getAttachment();
            if (c == null) return;
            c.touch();
            channels.afterInboundDelay(c, () -> route(c, message));
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            GatewayConnection c = conn.getAttachment();
            if (c == null) return;
            c.touch();
            channels.afterInboundDelay(c, () -> answerError(c, "Forbidden"));
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            GatewayConnection c = conn.getAttachment();
            if (c != null) c.touch();
            super.onWebsocketPing(conn, f);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            OutOfMemoryExit.exitIfOutOfMemory(ex); // Java-WebSocket turns a worker's OutOfMemoryError into this
            if (conn == null && started.getCount() > 0) {
                startFailure.set(ex);
                started.countDown();
                return;
            }
            LOG.debug("WebSocket error on {}", conn, ex);
        }

        /** Runs on the selector thread once it listens: from now on {@link GatewayAcceptor} accepts, not Java-WebSocket. */
        @Override
        public void onStart() {
            try {
                inline = new InlineDecoding(this);
                selector = GatewayAcceptor.selectorOf(this);
                ServerSocketChannel listener = GatewayAcceptor.listenerOf(this);
                listener.keyFor(selector).cancel();
                acceptor = new GatewayAcceptor(listener, this);
            } catch (IOException | RuntimeException e) {
                startFailure.set(e);
            }
            started.countDown();
        }

        /** Takes a connection the acceptor accepted, as Java-WebSocket's own (private) accept would. */
        @Override
        public boolean adopt(SocketChannel channel) throws IOException {
            if (closed.get()) return false;
            channel.configureBlocking(false);
            channel.socket().setTcpNoDelay(isTcpNoDelay());
            channel.socket().setKeepAlive(true);
            WebSocketImpl ws = channels.createWebSocket(this, getDraft());
            // selected for nothing until its channel is set: the selector never sees it half made
            SelectionKey key = channel.register(selector, 0, ws);
            ws.setSelectionKey(key);
            ws.setChannel(channels.wrapChannel(channel, key));
            try {
                allocateBuffers(ws);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            key.interestOps(SelectionKey.OP_READ);
            selector.wakeup(); // a selector blocked in select() takes new keys only when woken
            return true;
        }

        void stopAccepting() {
            GatewayAcceptor a = acceptor;
            if (a != null) a.close();
        }
    }
}
