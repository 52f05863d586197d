package io.connlab.metrics;

import java.util.Locale;

/** How figures read in the comparison table, the bench output and the UI: one style everywhere. */
public final class Format {
    /** Shown where a figure does not exist yet (no latency recorded, nothing delivered). */
    public static final String NONE = "–";
    /** Marks an estimated figure, such as bytes computed rather than counted at the socket. */
    public static final String ESTIMATE_MARK = "~";

    private Format() {
    }

    public static String count(long n) {
        return Long.toString(n);
    }

    /** Milliseconds with precision that suits their size: 3.25, 12.3, 510. */
    public static String ms(double ms) {
        if (Double.isNaN(ms) || Double.isInfinite(ms)) {
            return NONE;
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.0f", ms);
    }

    /** Bytes in B/KB/MB/GB (1 KB = 1024 B), with {@link #ESTIMATE_MARK} appended when estimated. */
    public static String bytes(long bytes, boolean estimated) {
        String s;
        if (bytes < 1024) {
            s = bytes + " B";
        } else if (bytes < 1024L * 1024) {
            s = String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        } else if (bytes < 1024L * 1024 * 1024) {
            s = String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        } else {
            s = String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
        }
        return estimated ? s + ESTIMATE_MARK : s;
    }

    /** Dollars: $123, $1.23, $0.0123 (three significant digits below a dollar). */
    public static String dollars(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return NONE;
        }
        if (d >= 100) {
            return String.format(Locale.ROOT, "$%.0f", d);
        }
        if (d >= 1 || d == 0) {
            return String.format(Locale.ROOT, "$%.2f", d);
        }
        int decimals = Math.min(10, 2 - (int) Math.floor(Math.log10(d)));
        return String.format(Locale.ROOT, "$%." + decimals + "f", d);
    }

    /** "used / max", or just "used" when the maximum is unknown. */
    public static String ofMax(long used, long max) {
        return max > 0 ? used + " / " + max : Long.toString(used);
    }
}
