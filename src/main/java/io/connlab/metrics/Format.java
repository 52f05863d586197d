package io.connlab.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How figures read wherever they are shown: the lane columns, the comparison table, {@code bench}'s
 * table and the CSV report: "12,345", "12 ms", "1.4 MB", "$0.42". One style everywhere, so the
 * same p50 never reads two ways.
 */
public final class Format {
    /** Shown where a figure does not exist yet (no latency recorded, nothing delivered). */
    public static final String NONE = "–";
    /** Marks an estimated figure, such as bytes computed rather than counted at the socket. */
    public static final String ESTIMATE_MARK = "~";

    private Format() {
    }

    /** A count with thousands grouped: "12,345". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Milliseconds with precision that suits their size: "2.5 ms", "510 ms", "12.0 s". */
    public static String ms(double ms) {
        if (!Double.isFinite(ms) || ms < 0) return NONE;
        if (ms < 10) return String.format(Locale.ROOT, "%.1f ms", ms);
        if (ms < 10_000) return String.format(Locale.ROOT, "%.0f ms", ms);
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    /** Bytes in B/KB/MB/GB (1 KB = 1024 B). */
    public static String bytes(long bytes) {
        return bytes(bytes, false);
    }

    /** Bytes in B/KB/MB/GB, with {@link #ESTIMATE_MARK} appended when estimated. */
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
        if (!Double.isFinite(d) || d < 0) return NONE;
        if (d >= 100) return String.format(Locale.ROOT, "$%,.0f", d);
        if (d >= 1 || d == 0) return String.format(Locale.ROOT, "$%.2f", d);
        // three significant digits, without trailing zeros past the cents: $0.42, $0.0123
        BigDecimal cents = new BigDecimal(d).round(new MathContext(3)).stripTrailingZeros();
        return "$" + cents.setScale(Math.max(2, cents.scale())).toPlainString();
    }

    /** "used / max", or just "used" when the maximum is unknown. */
    public static String ofMax(long used, long max) {
        return max > 0 ? count(used) + " / " + count(max) : count(used);
    }

    /** An axis label: "0", "250 ms", "1.5 s". */
    public static String axisMs(double ms) {
        if (ms == 0) return "0";
        if (ms < 1) return String.format(Locale.ROOT, "%.2f ms", ms);
        if (ms < 1000) return String.format(Locale.ROOT, "%.0f ms", ms);
        return String.format(Locale.ROOT, ms % 1000 == 0 ? "%.0f s" : "%.1f s", ms / 1000);
    }
}
