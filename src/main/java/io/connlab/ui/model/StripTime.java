package io.connlab.ui.model;

/**
 * The moment the sequence strips show at their right edge. While a run goes it is now (less
 * how far the user scrolled back); after the run it stays at the run's last moment, so the
 * strips freeze on the run's last window instead of scrolling on into emptiness, and scrolling
 * moves back through the run. One for all strips, so they stay aligned. FX thread only.
 */
public final class StripTime {
    private static final long NEVER = Long.MIN_VALUE;

    private final long windowMicros;
    private long startMicros = NEVER;
    private long lastLiveMicros = NEVER;
    private long backMicros;
    private boolean live;

    /** @param windowMicros how much time one strip shows */
    public StripTime(long windowMicros) {
        this.windowMicros = windowMicros;
    }

    /**
     * Each frame: the strips' right edge. {@code running} says whether a run is on; the first
     * frame of a new run starts from now with no scroll.
     */
    public long now(boolean running, long clockMicros) {
        if (running) {
            if (!live) {
                startMicros = clockMicros;
                backMicros = 0;
            }
            live = true;
            lastLiveMicros = clockMicros;
            return clockMicros - backMicros;
        }
        live = false;
        return lastLiveMicros == NEVER ? clockMicros : lastLiveMicros - backMicros;
    }

    /** Takes over {@code previous}'s moment (the window rebuilt in another language): the strips stay where they were. */
    public void takeOver(StripTime previous) {
        startMicros = previous.startMicros;
        lastLiveMicros = previous.lastLiveMicros;
        backMicros = previous.backMicros;
        live = previous.live;
    }

    /** Scrolls back (positive) or forward (negative) through the run, within it. */
    public void scrollBack(long micros) {
        if (startMicros == NEVER) return;
        long furthest = Math.max(0, lastLiveMicros - startMicros - windowMicros);
        backMicros = Math.max(0, Math.min(furthest, backMicros + micros));
    }

    /** True once a run has ended and its last window is shown still. */
    public boolean frozen() {
        return !live && lastLiveMicros != NEVER;
    }

    /** How far back from the run's latest moment the strips show. */
    public long backMicros() {
        return backMicros;
    }

    /** What the strips say about the time they show, or empty when they show now. */
    public String caption() {
        String back = backMicros == 0 ? "" : I18n.t("strip.back", String.format(java.util.Locale.ROOT, "%.1f", backMicros / 1e6));
        if (frozen()) return back + I18n.t(STOPPED);
        return backMicros == 0 ? "" : back + I18n.t(SCROLL_FORWARD);
    }

    static final String STOPPED = "strip.stopped";
    static final String SCROLL_FORWARD = "strip.scrollForward";
}
