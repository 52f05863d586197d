package io.connlab.run;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type into the toolbar's fields: "256", "256 B", "1 KB" as a size;
 * "30", "30 s", "2 min", "1 h" as a duration. Returns null for text it cannot read.
 */
public final class Quantities {

    private static final Pattern NUMBER_UNIT = Pattern.compile("\\s*(\\d{1,9})\\s*([a-zA-Z/]*)\\s*");

    private Quantities() {
    }

    /** A whole number with an optional "/s" ("20", "20/s"), or null. */
    public static Integer rate(String text) {
        Matcher m = match(text);
        if (m == null) return null;
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (!unit.isEmpty() && !unit.equals("/s")) return null;
        return Integer.valueOf(m.group(1));
    }

    /** A plain whole number, or null. */
    public static Integer count(String text) {
        Matcher m = match(text);
        if (m == null || !m.group(2).isEmpty()) return null;
        return Integer.valueOf(m.group(1));
    }

    /** Bytes: "256", "256 B", "4 KB", "4k", "4 KiB" (a kilobyte is 1024 bytes, as the gateway's limits count). */
    public static Integer bytes(String text) {
        Matcher m = match(text);
        if (m == null) return null;
        long n = Long.parseLong(m.group(1));
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b", "bytes" -> { }
            case "k", "kb", "kib" -> n *= 1024;
            default -> { return null; }
        }
        return n > Integer.MAX_VALUE ? null : (int) n;
    }

    /** A duration: "30" (seconds), "30 s", "500 ms", "2 min", "2m", "1 h". */
    public static Duration duration(String text) {
        Matcher m = match(text);
        if (m == null) return null;
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "s", "sec", "secs" -> Duration.ofSeconds(n);
            case "ms" -> Duration.ofMillis(n);
            case "m", "min", "mins" -> Duration.ofMinutes(n);
            case "h", "hr", "hrs" -> Duration.ofHours(n);
            default -> null;
        };
    }

    /** "30 s", "2 min", "1 h 30 min": how the toolbar writes a duration back. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60 || s % 60 != 0) return s + " s";
        if (s % 3600 != 0) return s / 60 + " min";
        return s / 3600 + " h";
    }

    private static Matcher match(String text) {
        if (text == null) return null;
        Matcher m = NUMBER_UNIT.matcher(text);
        return m.matches() ? m : null;
    }
}
