package io.connlab.mock.gateway;

import io.connlab.mock.edge.Admission;
import io.connlab.mock.edge.HttpResponses;
import io.connlab.mock.http.HttpIo;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What API Gateway's edge does with a WebSocket upgrade request before {@code $connect} runs:
 * a wrong path gets 403, a handshake past the per-second connect quota 429, and with a token
 * configured, a handshake without {@code ?token=} equal to it 401. An admitted request goes on
 * with {@code X-Forwarded-For} set to the client's address, which becomes {@code identity.sourceIp}.
 * Runs in the socket edge, because Java-WebSocket can only refuse a handshake with 404.
 */
public final class FrontDoor implements Admission {
    private final String stage;
    private final byte[] token;
    private final ConnectRate rate;

    FrontDoor(String stage, String tokenOrNull, ConnectRate rate) {
        this.stage = stage;
        this.token = tokenOrNull == null ? null : tokenOrNull.getBytes(StandardCharsets.UTF_8);
        this.rate = rate;
    }

    @Override
    public boolean needsRequestHead() {
        return true;
    }

    @Override
    public Verdict decide(InetSocketAddress client, String requestHead) {
        String[] lines = requestHead == null ? new String[0] : requestHead.split("\r?\n");
        String[] requestLine = lines.length == 0 ? new String[0] : lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            return refuse(400, "Bad Request", "BadRequestException");
        }
        String target = requestLine[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (!WebSocketGateway.isStagePath(path, stage)) return refuse(403, "Forbidden", "ForbiddenException");
        if (!"GET".equals(requestLine[0])) return refuse(400, "Bad Request", "BadRequestException");
        if (!rate.tryAcquire()) return refuse(429, "Too Many Requests", "TooManyRequestsException");
        if (token != null) {
            Map<String, String> query = HttpIo.parseForm(q < 0 ? null : target.substring(q + 1));
            String given = query.get("token");
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                return refuse(401, "Unauthorized", "UnauthorizedException");
            }
        }
        return Verdict.admitWithHead(withForwardedFor(lines, clientIp(client)));
    }

    /** The head with the client's own X-Forwarded-For lines replaced by the address the edge saw. */
    private static String withForwardedFor(String[] lines, String ip) {
        StringBuilder head = new StringBuilder(256);
        for (String line : lines) {
            if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("x-forwarded-for:")) continue;
            head.append(line).append("\r\n");
        }
        return head.append("X-Forwarded-For: ").append(ip).append("\r\n\r\n").toString();
    }

    private static String clientIp(InetSocketAddress client) {
        if (client == null) return "127.0.0.1";
        return client.getAddress() != null ? client.getAddress().getHostAddress() : client.getHostString();
    }

    private static final Map<Integer, String> REASONS = Map.of(
            400, "Bad Request", 401, "Unauthorized", 403, "Forbidden", 429, "Too Many Requests");

    /** A complete HTTP response refusing the handshake, as API Gateway's edge answers it. */
    static Verdict refuse(int status, String message, String errorType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-ErrorType", errorType);
        headers.put("x-amzn-RequestId", AwsIds.next());
        return Verdict.refuse(HttpResponses.json(status, REASONS.get(status), "{\"message\":\"" + message + "\"}", headers));
    }
}
