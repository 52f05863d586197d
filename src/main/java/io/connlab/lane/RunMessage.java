package io.connlab.lane;

/**
 * The text of one run message, as the publisher writes it and every lane reads it:
 * {@code {"run":"r42","seq":7,"sentAt":1718000000000000,"pad":"xxx…"}}, padded to the
 * run's payload size. {@code sentAt} is microseconds on {@link io.connlab.metrics.Clock}.
 *
 * <p>Parsing is a hand-written scan rather than a JSON parser: it runs on network threads
 * for every delivery (a thousand clients times the publish rate), and only needs three fields.
 */
public final class RunMessage {

    /** What a lane needs from one of its run's messages. */
    public record Stamp(long seq, long sentAtMicros) {
    }

    private RunMessage() {
    }

    /** Run ids go into JSON unescaped, so they are kept to letters, digits, '-' and '_'. */
    public static boolean isValidRunId(String runId) {
        return runId != null && runId.matches("[A-Za-z0-9_-]{1,64}");
    }

    /** The message text, padded with {@code x} to {@code sizeBytes} when that is larger than the bare message. */
    public static String format(String runId, long seq, long sentAtMicros, int sizeBytes) {
        if (!isValidRunId(runId)) throw new IllegalArgumentException("run id must be 1-64 letters, digits, '-' or '_'");
        StringBuilder sb = new StringBuilder(Math.max(64, sizeBytes));
        sb.append("{\"run\":\"").append(runId).append("\",\"seq\":").append(seq)
                .append(",\"sentAt\":").append(sentAtMicros);
        // ,"pad":"  +  x * pad  +  "}  is 10 characters besides the padding itself
        int pad = sizeBytes - sb.length() - 10;
        if (pad > 0) {
            sb.append(",\"pad\":\"");
            for (int i = 0; i < pad; i++) sb.append('x');
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    /** The stamp when {@code text} is one of run {@code runId}'s messages, else null (foreign text). */
    public static Stamp parse(String text, String runId) {
        if (text == null || text.isEmpty() || text.charAt(0) != '{') return null;
        int run = valueStart(text, "\"run\"");
        if (run < 0 || run >= text.length() || text.charAt(run) != '"') return null;
        if (!text.startsWith(runId, run + 1)) return null;
        int end = run + 1 + runId.length();
        if (end >= text.length() || text.charAt(end) != '"') return null;
        long seq = number(text, valueStart(text, "\"seq\""));
        long sentAt = number(text, valueStart(text, "\"sentAt\""));
        if (seq < 0 || sentAt < 0) return null;
        return new Stamp(seq, sentAt);
    }

    /** Index of the first non-blank character after {@code key} and its colon, or -1. */
    private static int valueStart(String text, String key) {
        int k = text.indexOf(key);
        if (k < 0) return -1;
        int i = skipBlanks(text, k + key.length());
        if (i >= text.length() || text.charAt(i) != ':') return -1;
        return skipBlanks(text, i + 1);
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    /** A non-negative decimal long at {@code i}, or -1 when there is none (or it overflows). */
    private static long number(String text, int i) {
        if (i < 0) return -1;
        long v = 0;
        int start = i;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') break;
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) return -1;
            v = v * 10 + (c - '0');
            i++;
        }
        return i == start ? -1 : v;
    }
}
