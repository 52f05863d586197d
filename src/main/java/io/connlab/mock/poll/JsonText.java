package io.connlab.mock.poll;

/**
 * Writes UTF-8 text as a quoted JSON string, escaping as Jackson does: the quote and the
 * backslash, the two-character escapes for backspace, tab, newline, form feed and carriage
 * return, a six-character backslash-u escape for other control characters, and every other
 * byte (multi-byte UTF-8 included) unchanged.
 */
final class JsonText {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonText() {
    }

    /** Length of the quoted, escaped form. */
    static int quotedLength(byte[] utf8) {
        long n = 2;
        for (byte b : utf8) n += escapedLength(b);
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("text too long for one JSON string");
        return (int) n;
    }

    /** Writes the quoted form into {@code out} at {@code at}; {@code quotedLength} says whether anything needs escaping. */
    static int writeQuoted(byte[] utf8, int quotedLength, byte[] out, int at) {
        out[at++] = '"';
        if (quotedLength == utf8.length + 2) {
            System.arraycopy(utf8, 0, out, at, utf8.length); // nothing to escape: the common case
            at += utf8.length;
        } else {
            for (byte b : utf8) at = writeEscaped(b, out, at);
        }
        out[at++] = '"';
        return at;
    }

    private static int escapedLength(byte b) {
        if (b == '"' || b == '\\') return 2;
        if (b >= 0 && b < 0x20) return shortEscape(b) != 0 ? 2 : 6;
        return 1;
    }

    private static int writeEscaped(byte b, byte[] out, int at) {
        if (b == '"' || b == '\\') {
            out[at++] = '\\';
            out[at++] = b;
        } else if (b >= 0 && b < 0x20) {
            out[at++] = '\\';
            byte s = shortEscape(b);
            if (s != 0) {
                out[at++] = s;
            } else {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[b >> 4];
                out[at++] = HEX[b & 0xF];
            }
        } else {
            out[at++] = b;
        }
        return at;
    }

    private static byte shortEscape(byte b) {
        return switch (b) {
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
    }
}
