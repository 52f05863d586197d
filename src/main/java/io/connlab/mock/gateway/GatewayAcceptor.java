package io.connlab.mock.gateway;

import io.connlab.thread.DaemonThreads;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/**
 * Accepts the gateway's connections in Java-WebSocket's place. Its selector loop treats a failed
 * {@code accept} ("Too many open files" when the process is out of descriptors) like a broken
 * connection and closes the listening socket, so the WebSocket port stayed refused until restart.
 * Here a failed accept pauses accepting briefly and tries again, as Netty's server bootstrap does
 * (it pauses 1 s; {@link #PAUSE_MILLIS} here, so a class is back within the second once descriptors
 * free up). The listening socket and the connections waiting in its backlog stay throughout.
 */
final class GatewayAcceptor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayAcceptor.class);
    static final long PAUSE_MILLIS = 100;

    /** Takes an accepted connection into the server (Java-WebSocket's selector, which it wakes). */
    interface Adopter {
        /** @return false once the server no longer takes connections */
        boolean adopt(SocketChannel channel) throws IOException;
    }

    private final ServerSocketChannel listener;
    private final Adopter adopter;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean closed;
    private boolean failing; // the acceptor thread's alone

    /** @param listener bound, non-blocking; no longer selected for accepting by anyone else */
    GatewayAcceptor(ServerSocketChannel listener, Adopter adopter) throws IOException {
        this.listener = listener;
        this.adopter = adopter;
        this.selector = Selector.open();
        try {
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        this.thread = DaemonThreads.factory("gateway-accept").newThread(this::run);
        thread.start();
    }

    /** Java-WebSocket's selector: 1.6.0 keeps it private, hence the reflection (as in {@link InlineDecoding}). */
    static Selector selectorOf(WebSocketServer server) {
        return privateField(server, "selector", Selector.class);
    }

    /** Java-WebSocket's listening socket, private like its selector. */
    static ServerSocketChannel listenerOf(WebSocketServer server) {
        return privateField(server, "server", ServerSocketChannel.class);
    }

    private static <T> T privateField(WebSocketServer server, String name, Class<T> type) {
        try {
            Field f = WebSocketServer.class.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(server));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Java-WebSocket's " + name + " is not where 1.6.0 keeps it", e);
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select();
                selector.selectedKeys().clear();
                acceptWaiting();
            }
        } catch (IOException | ClosedSelectorException | CancelledKeyException e) {
            if (!closed) LOG.error("the WebSocket gateway stopped accepting", e);
        }
    }

    /** Accepts every connection waiting; on a failure, pauses with the backlog kept, then returns to selecting. */
    private void acceptWaiting() throws IOException {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                closed = true;
                return;
            } catch (IOException e) {
                if (!failing) { // once per shortage, not every pause
                    LOG.warn("accepting a WebSocket connection failed ({}); trying again every {} ms", e.getMessage(), PAUSE_MILLIS);
                }
                failing = true;
                pause();
                return;
            }
            if (channel == null) return;
            failing = false;
            if (!adoptOrClose(channel)) {
                closed = true;
                return;
            }
        }
    }

    private boolean adoptOrClose(SocketChannel channel) {
        try {
            if (adopter.adopt(channel)) return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not take an accepted connection", e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do with it
        }
        return !closed && listener.isOpen();
    }

    /** Stops selecting the listener for {@link #PAUSE_MILLIS}; {@link #close} ends the pause early. */
    private void pause() throws IOException {
        SelectionKey key = listener.keyFor(selector);
        key.interestOps(0);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS);
        for (long left; !closed && (left = end - System.nanoTime()) > 0; ) {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        if (key.isValid()) key.interestOps(SelectionKey.OP_ACCEPT);
    }

    /** Stops accepting (the listener itself is Java-WebSocket's to close). */
    @Override
    public void close() {
        closed = true;
        try {
            selector.close(); // wakes the thread; deregisters the listener
        } catch (IOException e) {
            // closing anyway
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
