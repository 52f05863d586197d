package io.connlab.mock.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/2 frames written and read by hand on a raw socket, for clients no library would be: only
 * the header blocks go through Netty's HPACK coder. Frame layout as RFC 9113 section 4.1.
 */
final class RawH2 implements AutoCloseable {
    static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7, WINDOW_UPDATE = 8,
            CONTINUATION = 9;
    static final int END_STREAM = 1, END_HEADERS = 4;
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** One frame as read. */
    record Frame(int type, int flags, int stream, byte[] payload) {
        int errorCode() { // of a RST_STREAM (4 bytes) or a GOAWAY (after the last stream id)
            int at = type == GOAWAY ? 4 : 0;
            return ((payload[at] & 0xff) << 24) | ((payload[at + 1] & 0xff) << 16) | ((payload[at + 2] & 0xff) << 8)
                    | (payload[at + 3] & 0xff);
        }
    }

    final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(true, 64 * 1024);

    /** Connects, sends the preface and an empty SETTINGS (prior knowledge). */
    RawH2(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer the socket's receive buffer (0: the system's), small for a client that does not read */
    RawH2(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(15_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        out.write(PREFACE);
        frame(SETTINGS, 0, 0, new byte[0]);
        out.flush();
    }

    void frame(int type, int flags, int stream, byte[] payload) throws IOException {
        out.write(frameHead(type, flags, stream, payload.length));
        out.write(payload);
    }

    /** The 9 bytes before a frame's payload. */
    static byte[] frameHead(int type, int flags, int stream, int length) {
        return new byte[]{(byte) (length >>> 16), (byte) (length >>> 8), (byte) length, (byte) type,
                (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream};
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The header block of a request (HPACK), to send in one HEADERS frame or split across CONTINUATIONs. */
    byte[] requestBlock(String method, String path) throws IOException {
        return requestBlock(encoder, method, path);
    }

    /** A connection's first header block, for a socket that speaks HTTP/2 without this class. */
    static byte[] firstRequestBlock(String method, String path) throws IOException {
        return requestBlock(new DefaultHttp2HeadersEncoder(), method, path);
    }

    private static byte[] requestBlock(DefaultHttp2HeadersEncoder encoder, String method, String path) throws IOException {
        Http2Headers h = new DefaultHttp2Headers().method(method).scheme("http").path(path).authority("127.0.0.1");
        ByteBuf b = Unpooled.buffer();
        try {
            encoder.encodeHeaders(0, h, b);
        } catch (Http2Exception e) {
            throw new IOException(e);
        }
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        b.release();
        return bytes;
    }

    /** A whole request head on {@code stream}; {@code endStream} when it has no body. */
    void request(int stream, String method, String path, boolean endStream) throws IOException {
        frame(HEADERS, END_HEADERS | (endStream ? END_STREAM : 0), stream, requestBlock(method, path));
    }

    void reset(int stream) throws IOException {
        frame(RST_STREAM, 0, stream, new byte[]{0, 0, 0, 8}); // CANCEL
    }

    /** The next frame, or null at the end of the stream (the server closed). */
    Frame read() throws IOException {
        byte[] head = new byte[9];
        try {
            in.readFully(head);
        } catch (EOFException | SocketException closed) {
            return null;
        }
        int length = ((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff);
        int stream = ((head[5] & 0x7f) << 24) | ((head[6] & 0xff) << 16) | ((head[7] & 0xff) << 8) | (head[8] & 0xff);
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(head[3] & 0xff, head[4] & 0xff, stream, payload);
    }

    /** Reads until a frame of {@code type} (on any stream); null when the server closes first. */
    Frame readUntil(int type) throws IOException {
        for (Frame f = read(); f != null; f = read()) {
            if (f.type() == type) return f;
        }
        return null;
    }

    /** Reads until the connection ends; the first GOAWAY seen on the way, or null. */
    Frame readToEnd() throws IOException {
        Frame goAway = null;
        for (Frame f = read(); f != null; f = read()) {
            if (f.type() == GOAWAY && goAway == null) goAway = f;
        }
        return goAway;
    }

    /** The headers of a HEADERS frame (one block, no padding or priority: as Netty's server sends them). */
    Http2Headers headers(Frame f) throws Http2Exception {
        ByteBuf b = Unpooled.wrappedBuffer(f.payload());
        try {
            return decoder.decodeHeaders(f.stream(), b);
        } finally {
            b.release();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
