package io.connlab.mock;

import io.connlab.mock.gateway.ChatClient;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backend started with a token: the {@code $connect} authorizer answers 401 at the edge. */
class MockBackendTokenTest {
    private static final String TOKEN = "s3cret class";
    @AutoClose
    private final LiveBackend b = LiveBackend.start(MockConfig.defaults().withToken(TOKEN));

    /** The handshake's HTTP status as java.net.http's WebSocket builder reports a refusal. */
    private int refusedStatus(String suffix) {
        HttpClient client = HttpClient.newHttpClient();
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.newWebSocketBuilder()
                .buildAsync(URI.create(b.endpoints.websocketUrl() + suffix), new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS));
        Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        return assertInstanceOf(WebSocketHandshakeException.class, cause).getResponse().statusCode();
    }

    @Test
    void aHandshakeWithoutTheTokenGets401() {
        assertEquals(401, refusedStatus(""));
    }

    @Test
    void aHandshakeWithAWrongTokenGets401() {
        assertEquals(401, refusedStatus("?token=guess"));
        assertEquals(401, refusedStatus("?token="));
    }

    @Test
    void aRawHandshakeWithoutTheTokenReadsAnAwsStyle401() throws Exception {
        URI ws = URI.create(b.endpoints.websocketUrl());
        try (Socket s = new Socket(ws.getHost(), ws.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + ws.getPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
            assertTrue(answer.contains("Unauthorized"), answer);
        }
    }

    @Test
    void withTheTokenAClientConnectsAndChats() throws Exception {
        refusedStatus(""); // a refusal first: the next client is still served
        ChatClient c = b.connect("?token=" + java.net.URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
        c.chat("in");
        assertEquals("in", c.next());
    }
}
