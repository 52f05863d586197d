package io.connlab.mock.edge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** What every edge test needs: edges and client sockets on loopback, closed (last first) after the test. */
final class EdgeFixture implements AutoCloseable {
    static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    /** An edge on any free loopback port in front of {@code backend}. */
    EdgeListener edge(String name, InetSocketAddress backend, NetworkConditions conditions, Admission admission)
            throws IOException {
        return closeLater(EdgeListener.open(name, ANY_LOOPBACK, backend, conditions, admission));
    }

    /** A client of {@code edge}, without Nagle's delay, that gives up reading after 10 s. */
    Socket connect(EdgeListener edge) throws IOException {
        Socket s = closeLater(new Socket());
        s.setTcpNoDelay(true);
        s.connect(edge.address(), 5_000);
        s.setSoTimeout(10_000);
        return s;
    }

    @Override
    public void close() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) toClose.get(i).close();
    }
}
