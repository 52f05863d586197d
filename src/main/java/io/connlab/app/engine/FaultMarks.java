package io.connlab.app.engine;

import io.connlab.lesson.TimedFault;
import io.connlab.ui.model.Words;

/** A lesson's timed fault as the strips mark it: the same words a fault button leaves. */
final class FaultMarks {
    private FaultMarks() {
    }

    static Words of(TimedFault f) {
        return switch (f.kind()) {
            case DROP -> "websocket".equals(f.listener()) ? Words.of("mark.drop") : Words.of("mark.dropListener", f.listener());
            case SEND -> Words.of("mark.send", Math.max(1, Math.round(f.bytes() / 1024.0)));
            case STOP_DATABASE -> Words.of("mark.stopDatabase", f.pause().toSeconds());
            case PAUSE_PUBLISHING -> Words.of("mark.pausePublishing", f.pause().toSeconds());
        };
    }
}
