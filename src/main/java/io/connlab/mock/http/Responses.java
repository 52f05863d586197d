package io.connlab.mock.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.util.Map;

/** The HTTP responses the server writes: a handler's answer, and its own refusals of requests it cannot read. */
final class Responses {
    private Responses() {
    }

    /** A whole response; the body is wrapped, not copied (one poll answer's bytes go to many clients). */
    static FullHttpResponse of(int status, String contentType, byte[] bytes, Map<String, String> headers, boolean headRequest) {
        boolean noBody = status == 204 || status == 304 || bytes == null;
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                noBody || headRequest ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        if (contentType != null) r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        headers.forEach((k, v) -> r.headers().set(k, v));
        if (status != 204 && status != 304) r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes == null ? 0 : bytes.length);
        return r;
    }

    /** The status for a request head the codec could not read. */
    static int statusFor(Throwable decoderFailure) {
        if (decoderFailure instanceof TooLongHttpLineException) return 414;
        if (decoderFailure instanceof TooLongHttpHeaderException || decoderFailure instanceof TooLongFrameException) return 431;
        return 400;
    }

    static String malformed(int status) {
        String message = switch (status) {
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Bad Request: not a valid HTTP/1.1 request";
        };
        return "{\"message\":\"" + message + "\"}";
    }
}
