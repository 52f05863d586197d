package io.connlab.ui.model;

import io.connlab.metrics.Technique;
import io.connlab.run.RunSettings;

/**
 * An engine that runs nothing: the window opens and shows idle lanes ({@link LabEngine#idle()}).
 * Tests extend it to make an engine that misbehaves in one way only.
 */
public class IdleEngine implements LabEngine {

    @Override
    public void start(RunSettings settings, NetworkSettings network) {
        throw new IllegalStateException("no run engine is wired in");
    }

    @Override
    public void stop() {
    }

    @Override
    public boolean isRunning() {
        return false;
    }

    @Override
    public LaneFeed lane(Technique kind) {
        return LaneFeed.idle();
    }

    @Override
    public void close() {
    }
}
