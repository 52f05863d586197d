package io.connlab.mock.gateway;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare socket, for hostile input no library would send: unmasked
 * frames, endless fragments, oversized frames, bad close reasons, a client that never reads.
 */
final class RawWebSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final String HANDSHAKE = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

    final Socket socket;
    /** The reason of the last close frame {@link #awaitCloseCode} read. */
    String closeReason;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A bare socket, before any handshake; {@code receiveBuffer} > 0 shrinks its receive buffer. */
    static RawWebSocket open(InetSocketAddress address, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(address, 5000);
        s.setSoTimeout(10_000);
        return new RawWebSocket(s);
    }

    /** Connects and upgrades on {@code /dev}; fails unless the answer is 101. */
    static RawWebSocket connect(InetSocketAddress address) throws IOException {
        return connect(address, 0);
    }

    static RawWebSocket connect(InetSocketAddress address, int receiveBuffer) throws IOException {
        RawWebSocket ws = open(address, receiveBuffer);
        String head = ws.request("GET /dev HTTP/1.1\r\nHost: x\r\n" + HANDSHAKE + "\r\n");
        if (!head.startsWith("HTTP/1.1 101")) throw new IOException("not upgraded: " + head);
        return ws;
    }

    /** Sends a request head and returns the response head (up to its blank line). */
    String request(String requestHead) throws IOException {
        out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.append((char) b);
        }
        return head.toString();
    }

    /** Reads what is left and says whether the server then closed: true at end of stream. */
    boolean readsToEnd() throws IOException {
        try {
            while (in.read() >= 0) {
                // the rest of the answer
            }
            return true;
        } catch (SocketException reset) {
            return false;
        }
    }

    void send(int opcode, boolean fin, boolean masked, byte[] payload) throws IOException {
        out.write(frame(opcode, fin, masked, payload));
        out.flush();
    }

    static byte[] frame(int opcode, boolean fin, boolean masked, byte[] payload) {
        int n = payload.length;
        ByteBuffer b = ByteBuffer.allocate(14 + n);
        b.put((byte) ((fin ? 0x80 : 0) | opcode));
        int maskBit = masked ? 0x80 : 0;
        if (n <= 125) {
            b.put((byte) (maskBit | n));
        } else if (n <= 0xFFFF) {
            b.put((byte) (maskBit | 126)).putShort((short) n);
        } else {
            b.put((byte) (maskBit | 127)).putLong(n);
        }
        if (masked) {
            byte[] key = new byte[4];
            ThreadLocalRandom.current().nextBytes(key);
            b.put(key);
            for (int i = 0; i < n; i++) b.put((byte) (payload[i] ^ key[i % 4]));
        } else {
            b.put(payload);
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** A close frame's code, from a payload of code and reason bytes. */
    static byte[] closePayload(int code, byte[] reason) {
        return ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
    }

    /** Reads frames until a close frame and returns its code; a reset or end of stream fails with 1006. */
    int awaitCloseCode() throws IOException {
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long n = b1 & 0x7F;
                if (n == 126) n = in.readUnsignedShort();
                else if (n == 127) n = in.readLong();
                byte[] payload = in.readNBytes((int) n);
                if ((b0 & 0x0F) == CLOSE) {
                    closeReason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    return payload.length >= 2 ? ByteBuffer.wrap(payload).getShort() & 0xFFFF : 1005;
                }
            }
        } catch (EOFException | SocketException gone) {
            return 1006;
        }
    }

    InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
