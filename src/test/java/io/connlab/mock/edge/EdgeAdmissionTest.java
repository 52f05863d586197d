package io.connlab.mock.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeAdmissionTest {
    private static final byte[] UNAUTHORIZED = HttpResponses.json(401, "Unauthorized",
            "{\"message\":\"Unauthorized\"}", Map.of("x-amzn-ErrorType", "UnauthorizedException"));
    private final EdgeFixture fixture = new EdgeFixture();
    private TestBackend backend;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private EdgeListener edge(Admission admission) throws IOException {
        backend = fixture.closeLater(TestBackend.echo());
        return fixture.edge("adm", backend.address(), new NetworkConditions(0, 0), admission);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static CountingAdmission tokenGate() {
        return new CountingAdmission(true, (client, head) -> head.startsWith("GET /prod?token=good ")
                ? Admission.Verdict.admit() : Admission.Verdict.refuse(UNAUTHORIZED));
    }

    /** An admitted request goes through to the echo backend: we read our own head back. */
    private static void assertAdmittedThrough(Socket s) throws IOException {
        byte[] head = ascii("GET /prod?token=good HTTP/1.1\r\nHost: x\r\n\r\n");
        s.getOutputStream().write(head);
        assertArrayEquals(head, s.getInputStream().readNBytes(head.length));
    }

    @Test
    void refusalAfterTheHeadIsReadInFullEvenWhenTheClientKeepsSending() throws Exception {
        CountingAdmission admission = tokenGate();
        EdgeListener edge = edge(admission);
        Socket s = fixture.connect(edge);
        OutputStream out = s.getOutputStream();
        out.write(ascii("GET /prod?token=bad HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n"));
        out.write(new byte[100_000]);   // more than the refusal reads: must be drained, not reset

        assertArrayEquals(UNAUTHORIZED, s.getInputStream().readAllBytes());
        assertEquals(1, edge.refusedTotal());
        assertEquals(0, edge.acceptedTotal());
        assertEquals(0, backend.acceptedCount.get());
        assertEquals(UNAUTHORIZED.length, edge.bytesToClients());

        assertAdmittedThrough(fixture.connect(edge));
        assertEquals(1, edge.acceptedTotal());
    }

    @Test
    void refusalAtAcceptIsReadByAClientThatWritesFirst() throws Exception {
        byte[] tooMany = ascii("EFATAL: sorry, too many clients already\0");
        CountingAdmission admission = new CountingAdmission(false, (c, h) -> Admission.Verdict.refuse(tooMany));
        EdgeListener edge = edge(admission);
        Socket s = fixture.connect(edge);
        s.getOutputStream().write(new byte[8192]);   // a startup packet the server never reads

        assertArrayEquals(tooMany, s.getInputStream().readAllBytes());
        assertEquals(1, edge.refusedTotal());
        assertEquals(0, admission.closed.get());
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.bytesFromClients() == 8192);
    }

    @Test
    void aHeadOver16KbIsAnswered431AndTheNextClientIsServed() throws Exception {
        CountingAdmission admission = tokenGate();
        EdgeListener edge = edge(admission);
        Socket s = fixture.connect(edge);
        s.getOutputStream().write(ascii("GET /prod?token=good HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"));

        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(answer.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), answer);
        assertTrue(answer.contains("Connection: close\r\n"));
        assertEquals(0, admission.decided.get());
        assertEquals(1, edge.refusedTotal());

        assertAdmittedThrough(fixture.connect(edge));
    }

    @Test
    void aClientGoneBeforeItsHeadEndsIsJustClosed() throws Exception {
        CountingAdmission admission = tokenGate();
        EdgeListener edge = edge(admission);
        Socket s = fixture.connect(edge);
        s.getOutputStream().write(ascii("GET /prod?token=good HTTP/1.1\r\nHo"));
        s.close();

        assertAdmittedThrough(fixture.connect(edge));
        assertEquals(1, admission.decided.get());
        assertEquals(0, edge.refusedTotal());
    }

    @Test
    void aRewrittenHeadReachesTheBackendWithWhatFollowsIt() throws Exception {
        CountingAdmission admission = new CountingAdmission(true, (client, head) -> Admission.Verdict.admitWithHead(
                head.replace("\r\n\r\n", "\r\nX-Forwarded-For: " + client.getAddress().getHostAddress() + "\r\n\r\n")));
        EdgeListener edge = edge(admission);
        Socket s = fixture.connect(edge);
        s.getOutputStream().write(ascii("GET /prod HTTP/1.1\r\nHost: x\r\n\r\nframe"));

        String expected = "GET /prod HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 127.0.0.1\r\n\r\nframe";
        assertEquals(expected, new String(s.getInputStream().readNBytes(expected.length()), StandardCharsets.ISO_8859_1));
        assertEquals("GET /prod HTTP/1.1\r\nHost: x\r\n\r\n", admission.heads.peek());
        s.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.closed.get() == 1);
    }

    @Test
    void aFailingAdmissionAnswers500AndTheEdgeKeepsServing() throws Exception {
        CountingAdmission admission = new CountingAdmission(true, (client, head) -> {
            if (head.contains("boom")) throw new IllegalStateException("boom");
            return Admission.Verdict.admit();
        });
        EdgeListener edge = edge(admission);
        Socket s = fixture.connect(edge);
        s.getOutputStream().write(ascii("GET /boom HTTP/1.1\r\n\r\n"));
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(answer.startsWith("HTTP/1.1 500 "), answer);

        assertAdmittedThrough(fixture.connect(edge));
    }
}
