package io.connlab.mock.sns;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses an AWS Query request's parameters ({@code a=1&b=two}, form-encoded, UTF-8) strictly:
 * a malformed {@code %}-escape or bytes that are not UTF-8 are refused with a 400, never kept
 * raw nor silently replaced with U+FFFD (which would publish a message nobody sent). Of
 * repeated keys the last wins.
 */
final class QueryForm {
    private QueryForm() {
    }

    static Map<String, String> parse(byte[] form) throws SnsError {
        Map<String, String> out = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= form.length; i++) {
            if (i < form.length && form[i] != '&') continue;
            if (i > start) pair(form, start, i, out);
            start = i + 1;
        }
        return out;
    }

    private static void pair(byte[] form, int from, int to, Map<String, String> out) throws SnsError {
        int eq = from;
        while (eq < to && form[eq] != '=') eq++;
        String key = decode(form, from, eq, null);
        String value = eq < to ? decode(form, eq + 1, to, key) : "";
        out.put(key, value);
    }

    /** {@code +} is a space, {@code %XX} a byte; the bytes must be UTF-8. {@code key} names the value in errors. */
    private static String decode(byte[] form, int from, int to, String key) throws SnsError {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = form[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int hi = i + 2 < to ? Character.digit(form[i + 1], 16) : -1;
                int lo = hi >= 0 ? Character.digit(form[i + 2], 16) : -1;
                if (lo < 0) {
                    throw malformed("'" + shown(form, i, Math.min(to, i + 3)) + "' is not a %-escape (% and two hex digits)", key);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed("the bytes are not valid UTF-8", key);
        }
    }

    private static SnsError malformed(String why, String key) {
        String where = key == null ? "a parameter name" : "the value of " + SnsError.shorten(key);
        return new SnsError(400, "InvalidQueryParameter",
                "The AWS query string is malformed or does not adhere to AWS standards: in " + where + ", " + why);
    }

    private static String shown(byte[] form, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = form[i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return s.toString();
    }
}
