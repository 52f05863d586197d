package io.connlab.mock.sns;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the SDK never sends: missing and unknown actions, GET queries, oversized bodies, other methods. */
class SnsApiRawTest {
    @AutoClose
    private final SnsServer s = SnsServer.recording();
    private final List<String> received = s.received;

    private static Document xml(HttpResponse<String> r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String tag) {
        return d.getElementsByTagNameNS(QueryXml.NAMESPACE, tag).item(0).getTextContent();
    }

    private void assertError(HttpResponse<String> r, int status, String code, String messagePart) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("text/xml", r.headers().firstValue("Content-Type").orElse(""));
        Document d = xml(r);
        assertEquals("ErrorResponse", d.getDocumentElement().getLocalName());
        assertEquals(QueryXml.NAMESPACE, d.getDocumentElement().getNamespaceURI());
        assertEquals("Sender", text(d, "Type"));
        assertEquals(code, text(d, "Code"));
        assertTrue(text(d, "Message").contains(messagePart), text(d, "Message"));
        assertEquals(r.headers().firstValue("x-amzn-RequestId").orElse("?"), text(d, "RequestId"));
    }

    private void assertStillServes() throws Exception {
        HttpResponse<String> r = s.post("Action=Publish&TopicArn=" + enc(SnsServer.DEFAULT_ARN) + "&Message=still+here");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("still here", received.get(received.size() - 1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aMissingActionIsMissingAction() throws Exception {
        assertError(s.post("TopicArn=x&Message=m"), 400, "MissingAction", "missing an action");
        assertStillServes();
    }

    @Test
    void anUnknownActionIsInvalidAction() throws Exception {
        assertError(s.post("Action=Subscribe&TopicArn=x"), 400, "InvalidAction", "Could not find operation Subscribe for version 2010-03-31");
        assertError(s.post("Action=Publish&Version=2099-01-01"), 400, "InvalidAction", "for version 2099-01-01");
        assertStillServes();
    }

    @Test
    void aReadMayComeInAGetQuery() throws Exception {
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(s.endpoint().resolve("/?Action=ListTopics")).GET());
        assertEquals(200, r.statusCode());
        assertEquals("ListTopicsResponse", xml(r).getDocumentElement().getLocalName());
        assertTrue(r.body().contains(SnsServer.DEFAULT_ARN), r.body());
    }

    /** Issue 18, item 5: an {@code <img>} on any web page sends a GET unasked; nothing that changes state answers one. */
    @Test
    void aGetThatWouldChangeSomethingIsRefusedAndChangesNothing() throws Exception {
        for (String query : new String[]{"Action=Publish&TopicArn=" + enc(SnsServer.DEFAULT_ARN) + "&Message=from+a+page",
                "Action=DeleteTopic&TopicArn=" + enc(SnsServer.DEFAULT_ARN), "Action=CreateTopic&Name=spam",
                // a presigned-looking GET is no better: the mock checks no signature
                "Action=Publish&TopicArn=" + enc(SnsServer.DEFAULT_ARN) + "&Message=m&X-Amz-Signature=ab"}) {
            HttpResponse<String> r = s.send(HttpRequest.newBuilder(s.endpoint().resolve("/?" + query)).GET());
            assertError(r, 403, "AuthorizationError", "only as a POST");
        }
        assertTrue(received.isEmpty(), "nothing published");
        assertEquals(0, s.api.published());
        assertStillServes(); // and the default topic is still there
    }

    @Test
    void aMissingMessageIsAnEmptyMessage() throws Exception {
        assertError(s.post("Action=Publish&TopicArn=" + enc(SnsServer.DEFAULT_ARN)), 400, "InvalidParameter", "Invalid parameter: Empty message");
        assertError(s.post("Action=CreateTopic"), 400, "InvalidParameter", "Topic Name");
        assertError(s.post("Action=DeleteTopic"), 400, "InvalidParameter", "TopicArn");
        assertStillServes();
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(s.endpoint().resolve("/?Action=ListTopics"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertError(r, 405, "MethodNotAllowed", "PUT");
        assertStillServes();
    }

    @Test
    void aBodyOverTheBoundIsTooLongAndNotKept() throws Exception {
        byte[] big = new byte[QueryRequest.MAX_BODY_BYTES + 500_000];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> fixed = s.send(HttpRequest.newBuilder(s.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertError(fixed, 400, "InvalidParameter", "Message too long");
        HttpResponse<String> chunked = s.send(HttpRequest.newBuilder(s.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertError(chunked, 400, "InvalidParameter", "Message too long");
        assertTrue(received.isEmpty());
        assertStillServes();
    }

    @Test
    void aHugeDeclaredBodyIsAnsweredWithoutReadingIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 500000000\r\n\r\nAction=Publish&Message=").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 400", answer);
        }
        assertTrue(received.isEmpty());
        assertStillServes();
    }

    @Test
    void xmlSpecialCharactersInValuesAreEscaped() throws Exception {
        HttpResponse<String> r = s.post("Action=" + enc("<Bad&Action>"));
        assertError(r, 400, "InvalidAction", "<Bad&Action>");
    }
}
