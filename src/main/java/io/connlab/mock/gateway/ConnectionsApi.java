package io.connlab.mock.gateway;

import io.connlab.mock.http.HttpExchange;
import io.connlab.mock.http.HttpHandler;
import io.connlab.mock.http.HttpIo;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code @connections} management API, mounted at {@code /{stage}/@connections/}:
 * {@code POST} sends the body to one connection, {@code GET} describes it, {@code DELETE}
 * disconnects it. A gone or unknown id answers 410 {@code GoneException}, as API Gateway does.
 */
final class ConnectionsApi implements HttpHandler {
    private static final String MARKER = "/@connections/";
    private final WebSocketGateway gateway;
    private final int maxPostBytes;

    ConnectionsApi(WebSocketGateway gateway, int maxPostBytes) {
        this.gateway = gateway;
        this.maxPostBytes = maxPostBytes;
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            String id = connectionId(ex.getRequestURI().getRawPath()); // one non-empty segment: its route says so
            switch (ex.getRequestMethod()) {
                case "POST" -> post(ex, id);
                case "GET" -> get(ex, id);
                case "DELETE" -> delete(ex, id);
                default -> {
                    ex.getResponseHeaders().set("Allow", "GET, POST, DELETE");
                    HttpIo.jsonMessage(ex, 405, "Method " + ex.getRequestMethod() + " not allowed on @connections");
                }
            }
        } catch (RuntimeException e) {
            HttpIo.jsonMessage(ex, 500, "Internal server error");
        }
    }

    private void post(HttpExchange ex, String id) {
        byte[] body;
        try {
            body = HttpIo.readBody(ex, maxPostBytes);
        } catch (HttpIo.TooLarge e) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", "PayloadTooLargeException");
            HttpIo.jsonMessage(ex, 413, "Request must be smaller than " + maxPostBytes + " bytes for the PostToConnection operation");
            return;
        } catch (IOException clientGone) {
            ex.close();
            return;
        }
        switch (gateway.sendTo(id, new String(body, StandardCharsets.UTF_8))) {
            case GONE -> gone(ex, id);
            case BACKLOG_FULL -> {
                // API Gateway's answer when the client's buffer is full
                ex.getResponseHeaders().set("x-amzn-ErrorType", "LimitExceededException");
                HttpIo.jsonMessage(ex, 429, "The client's WebSocket buffer is full; connection " + id + " is not reading");
            }
            case SENT -> HttpIo.send(ex, 200, null, null);
        }
    }

    private void get(HttpExchange ex, String id) {
        ConnectionInfo info = gateway.connectionInfo(id);
        if (info == null) {
            gone(ex, id);
            return;
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", info.sourceIp());
        identity.put("userAgent", info.userAgent());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectedAt", info.connectedAt().toString());
        body.put("lastActiveAt", info.lastActiveAt().toString());
        body.put("identity", identity);
        HttpIo.json(ex, 200, body);
    }

    private void delete(HttpExchange ex, String id) {
        if (!gateway.disconnect(id)) {
            gone(ex, id);
            return;
        }
        HttpIo.send(ex, 204, null, null);
    }

    private static void gone(HttpExchange ex, String id) {
        ex.getResponseHeaders().set("x-amzn-ErrorType", "GoneException");
        HttpIo.jsonMessage(ex, 410, "Connection " + id + " is gone or was never connected");
    }

    /** The id after {@code /@connections/}, URL-decoded (SDKs escape the trailing '='). */
    static String connectionId(String rawPath) {
        int at = rawPath == null ? -1 : rawPath.indexOf(MARKER);
        if (at < 0) return null;
        String raw = rawPath.substring(at + MARKER.length());
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return raw;
        }
    }
}
