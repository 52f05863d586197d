package io.connlab.ui;

import java.util.Locale;

/** How figures read on screen: "12,345", "12 ms", "1.4 MB", "$0.42". */
public final class Format {

    /** Shown when a figure has no value yet. */
    public static final String NONE = "–";

    private Format() {
    }

    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    public static String ms(double ms) {
        if (!Double.isFinite(ms) || ms < 0) return NONE;
        if (ms < 10) return String.format(Locale.US, "%.1f ms", ms);
        if (ms < 10_000) return String.format(Locale.US, "%.0f ms", ms);
        return String.format(Locale.US, "%.1f s", ms / 1000);
    }

    public static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.US, "%.1f KB", b / 1024.0);
        if (b < 1024L * 1024 * 1024) return String.format(Locale.US, "%.1f MB", b / (1024.0 * 1024));
        return String.format(Locale.US, "%.2f GB", b / (1024.0 * 1024 * 1024));
    }

    public static String dollars(double d) {
        if (!Double.isFinite(d) || d < 0) return NONE;
        return d < 10 ? String.format(Locale.US, "$%.2f", d) : String.format(Locale.US, "$%,.0f", d);
    }

    /** An axis label: "0", "250 ms", "1.5 s". */
    public static String axisMs(double ms) {
        if (ms == 0) return "0";
        if (ms < 1) return String.format(Locale.US, "%.2f ms", ms);
        if (ms < 1000) return String.format(Locale.US, "%.0f ms", ms);
        return String.format(Locale.US, ms % 1000 == 0 ? "%.0f s" : "%.1f s", ms / 1000);
    }
}
