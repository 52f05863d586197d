package io.connlab.mock.sns;

import java.util.function.Consumer;

/**
 * The XML documents of SNS's AWS Query API: {@code <XResponse>} with an optional
 * {@code <XResult>} and {@code <ResponseMetadata><RequestId>}, and {@code <ErrorResponse>}.
 */
final class QueryXml {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private QueryXml() {
    }

    /** {@code <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>...}; no result part when {@code result} is null. */
    static String response(String action, String requestId, Consumer<StringBuilder> result) {
        StringBuilder x = new StringBuilder(256);
        x.append("<").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">\n");
        if (result != null) {
            x.append("  <").append(action).append("Result>\n");
            result.accept(x);
            x.append("  </").append(action).append("Result>\n");
        }
        x.append("  <ResponseMetadata>\n    <RequestId>").append(requestId).append("</RequestId>\n  </ResponseMetadata>\n");
        x.append("</").append(action).append("Response>\n");
        return x.toString();
    }

    static String error(String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>Sender</Type>\n"
                + "    <Code>" + escape(code) + "</Code>\n"
                + "    <Message>" + escape(message) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    /** Appends {@code <name>value</name>} on its own line, the value escaped. */
    static void element(StringBuilder x, String indent, String name, String value) {
        x.append(indent).append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append(">\n");
    }

    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "&#xFFFD;" : null;
            };
            if (r != null && out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (out != null) {
                if (r != null) out.append(r);
                else out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
