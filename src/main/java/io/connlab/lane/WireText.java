package io.connlab.lane;

/** Small text helpers for what lanes put on the wire: JSON string escaping, UTF-8 lengths, frame sizes. */
final class WireText {
    private WireText() {
    }

    /** {@code s} as a JSON string literal, quotes included. */
    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** How many bytes {@code s} takes as UTF-8, without encoding it. */
    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    /** Bytes of one unfragmented WebSocket frame on the wire: header (2, 4 or 10 bytes), mask key when client-sent, payload. */
    static long frameBytes(long payload, boolean masked) {
        long header = payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10;
        return header + (masked ? 4 : 0) + payload;
    }
}
