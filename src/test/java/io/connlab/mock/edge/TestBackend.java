package io.connlab.mock.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain blocking server to stand behind the edge in tests: echoes, or just holds sockets. */
final class TestBackend implements AutoCloseable {
    private final ServerSocket server;
    private final boolean echo;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-backend");
        t.setDaemon(true);
        return t;
    });
    final Queue<Socket> accepted = new ConcurrentLinkedQueue<>();
    final AtomicInteger acceptedCount = new AtomicInteger();
    final AtomicInteger sawEof = new AtomicInteger();

    private TestBackend(boolean echo, int port) throws IOException {
        this.echo = echo;
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (echo) {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(at, 2048);
            nioServer = null;
            selector = null;
            workers.execute(this::acceptLoop);
        } else {
            server = null;
            selector = Selector.open();
            nioServer = ServerSocketChannel.open();
            nioServer.bind(at, 2048);
            nioServer.configureBlocking(false);
            nioServer.register(selector, SelectionKey.OP_ACCEPT);
            workers.execute(this::holdLoop);
        }
    }

    private final ServerSocketChannel nioServer;
    private final Selector selector;

    private void holdLoop() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try {
            while (selector.isOpen()) {
                selector.select(key -> {
                    try {
                        if (key.isAcceptable()) {
                            SocketChannel c;
                            while ((c = nioServer.accept()) != null) {
                                c.configureBlocking(false);
                                c.register(selector, SelectionKey.OP_READ);
                                acceptedCount.incrementAndGet();
                            }
                        } else if (key.isReadable()) {
                            buf.clear();
                            if (((SocketChannel) key.channel()).read(buf) < 0) {
                                sawEof.incrementAndGet();
                                key.channel().close();
                            }
                        }
                    } catch (IOException e) {
                        try {
                            key.channel().close();
                        } catch (IOException ignored) {
                            // gone
                        }
                    }
                });
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            // closed
        }
    }

    /** Echoes every byte; on EOF shuts its output and closes. */
    static TestBackend echo() throws IOException {
        return new TestBackend(true, 0);
    }

    static TestBackend echo(int port) throws IOException {
        return new TestBackend(true, port);
    }

    /** Accepts and holds the sockets, without a thread each; discards input, closes on EOF. */
    static TestBackend hold() throws IOException {
        return new TestBackend(false, 0);
    }

    InetSocketAddress address() {
        try {
            return echo ? (InetSocketAddress) server.getLocalSocketAddress() : (InetSocketAddress) nioServer.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.add(s);
                acceptedCount.incrementAndGet();
                if (echo) workers.execute(() -> echo(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void echo(Socket s) {
        byte[] buf = new byte[64 * 1024];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) out.write(buf, 0, n);
            sawEof.incrementAndGet();
            s.shutdownOutput();
        } catch (IOException ignored) {
            // reset by the edge: fine
        }
    }

    @Override
    public void close() throws IOException {
        if (echo) {
            server.close();
            for (Socket s : accepted) s.close();
        } else {
            for (SelectionKey k : selector.keys()) k.channel().close();
            selector.close();
        }
        workers.shutdownNow();
    }
}
