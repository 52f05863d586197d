package io.connlab.mock.db;

import io.connlab.mock.edge.NetworkConditions;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One database client's socket as H2's server thread uses it: the accepted socket itself (one
 * descriptor, no relay), whose streams add the network's delay each time the conversation turns.
 * H2's protocol is request then answer, one server thread per connection, so a request is delayed
 * by one way when its first bytes are read and an answer by one way before its first bytes go:
 * every round trip pays the RTT, handshake included, and bytes never overtake each other.
 */
final class DatabaseSocket extends Socket {
    private final NetworkConditions network;
    private final DatabaseListener owner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean answering = true; // the client speaks first; touched by H2's one thread for this socket
    private InputStream input;
    private OutputStream output;
    volatile boolean admitted;

    DatabaseSocket(NetworkConditions network, DatabaseListener owner) {
        this.network = network;
        this.owner = owner;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0 && answering) {
                        answering = false;
                        travel(); // the request's way to the database
                    }
                    return n;
                }

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }
            };
        }
        return input;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    turnToAnswer();
                    out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    turnToAnswer();
                    out.write(b);
                }
            };
        }
        return output;
    }

    private void turnToAnswer() throws IOException {
        if (answering) return;
        answering = true;
        travel(); // the answer's way back to the client
    }

    private void travel() throws IOException {
        long nanos = network.oneWayDelayNanos();
        if (nanos <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(nanos); // H2's thread for this connection alone waits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("closing");
        }
    }

    /** Closed by either side (or dropped): the connection leaves {@code max_connections} once. */
    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (closed.compareAndSet(false, true)) owner.closed(this);
        }
    }
}
