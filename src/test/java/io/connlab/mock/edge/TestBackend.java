package io.connlab.mock.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2048);
        workers.execute(this::acceptLoop);
    }

    /** Echoes every byte; on EOF shuts its output and closes. */
    static TestBackend echo() throws IOException {
        return new TestBackend(true, 0);
    }

    static TestBackend echo(int port) throws IOException {
        return new TestBackend(true, port);
    }

    /** Accepts and holds the sockets, without a thread each. */
    static TestBackend hold() throws IOException {
        return new TestBackend(false, 0);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
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
        server.close();
        for (Socket s : accepted) s.close();
        workers.shutdownNow();
    }
}
