package io.connlab.lesson;

import io.connlab.run.Quantities;

import java.time.Duration;

/** Reads and writes the sizes and times of a lesson file: "40 KB", "500 ms", "3 s", "2 min". */
final class Units {
    private Units() {
    }

    static Duration parseDuration(String key, String text) {
        Duration d = Quantities.duration(text);
        if (d == null) throw new IllegalArgumentException(key + ": '" + text + "' is not a time like 500 ms, 6 s or 2 min");
        return d;
    }

    static int parseBytes(String key, String text) {
        Integer n = Quantities.bytes(text);
        if (n == null) throw new IllegalArgumentException(key + ": '" + text + "' is not a size like 256 B or 40 KB");
        return n;
    }

    static int parseCount(String key, String text, String unit) {
        String t = text.trim();
        if (unit != null && t.endsWith(unit)) t = t.substring(0, t.length() - unit.length()).trim();
        Integer n = Quantities.count(t);
        if (n == null) throw new IllegalArgumentException(key + ": '" + text + "' is not a whole number"
                + (unit == null ? "" : " (of " + unit.trim() + ")"));
        return n;
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) return ms + " ms";
        long s = ms / 1000;
        if (s < 120 || s % 60 != 0) return s + " s";
        return s / 60 + " min";
    }

    static String bytes(int n) {
        return n >= 1024 && n % 1024 == 0 ? n / 1024 + " KB" : n + " B";
    }
}
