package io.connlab.ui.model;

import io.connlab.metrics.WireEvent;

import java.util.List;

/**
 * What one lane column reads: its figures ten times a second, its wire trace once per frame. Both calls are made on the FX thread, so they
 * must be quick copies (a snapshot, a ring copy), never I/O or waiting on a lock held across I/O.
 */
public interface LaneFeed {

    LaneFigures figures();

    /** The traced client's wire events at or after {@code micros} ({@code Clock} micros). */
    List<WireEvent> wireSince(long micros);

    /** A lane with nothing to show. */
    static LaneFeed idle() {
        return new LaneFeed() {
            @Override
            public LaneFigures figures() {
                return LaneFigures.idle();
            }

            @Override
            public List<WireEvent> wireSince(long micros) {
                return List.of();
            }
        };
    }
}
