package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.Technique;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fits default run settings to what a profile offers: a lane whose endpoint the stack lacks is
 * left out as unavailable (not an error), and the profile's publish path is used, so the
 * unmodified chat sample (a WebSocket URL only) runs the WebSocket lane published over the
 * WebSocket. Choices the user made explicitly are kept, and fail later with the reason.
 */
public final class RunForProfile {
    private RunForProfile() {
    }

    /** The settings to run, and one note per lane left out or default changed. */
    public record Fitted(RunSettings settings, List<String> notes) {
    }

    public static Fitted fit(RunSettings s, EndpointProfile p, boolean lanesChosen, boolean publishChosen) {
        List<String> notes = new ArrayList<>();
        Set<Technique> lanes = EnumSet.copyOf(s.lanes());
        if (!lanesChosen) {
            for (Technique t : s.lanes()) {
                String why = Lanes.unsupported(p, t);
                if (why != null) {
                    lanes.remove(t);
                    notes.add(t.label() + " unavailable: " + why);
                }
            }
            if (lanes.isEmpty()) return new Fitted(s, notes); // nothing runs: let the run say why
        }
        PublishPath publish = s.publish();
        if (!publishChosen) {
            PublishPath fromProfile = EndpointProfile.PUBLISH_WEBSOCKET.equals(p.publishPath()) ? PublishPath.WEBSOCKET : PublishPath.SNS;
            if (fromProfile != publish) notes.add("publishing over " + (fromProfile == PublishPath.SNS ? "SNS" : "the WebSocket")
                    + ", as the profile says");
            publish = fromProfile;
        }
        // only the lanes and the publish path change: every other field (a lesson's heartbeat) reaches the run
        return new Fitted(s.withLanes(lanes).withPublish(publish), List.copyOf(notes));
    }
}
