package io.connlab.app;

import io.connlab.metrics.Technique;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place the command line reads lane ids ("websocket", "long-poll", "pooled"...), with
 * {@code pool} standing for the chosen pool modes. Ids are {@link Technique#id()}; never labels.
 */
final class LaneIds {
    /** The word for "every chosen pool mode" in {@code bench --lanes}. */
    static final String POOL = "pool";

    private LaneIds() {
    }

    /**
     * @param ids       what the user typed, any case
     * @param poolModes what {@code pool} expands to (pool technique ids), or empty where {@code pool} is not offered
     * @param allowed   the techniques this command runs
     * @throws IllegalArgumentException naming the bad id and the good ones
     */
    static Set<Technique> parse(List<String> ids, List<String> poolModes, Collection<Technique> allowed) {
        Set<Technique> chosen = EnumSet.noneOf(Technique.class);
        for (String raw : ids) {
            String id = raw.trim().toLowerCase(Locale.ROOT);
            if (id.equals(POOL) && !poolModes.isEmpty()) {
                for (String mode : poolModes) chosen.add(poolMode(mode, allowed));
                continue;
            }
            Technique t = find(id, allowed);
            if (t == null || (t.isPool() && !poolModes.isEmpty())) {
                throw new IllegalArgumentException("unknown lane '" + raw + "': use " + names(allowed, !poolModes.isEmpty()));
            }
            chosen.add(t);
        }
        return chosen;
    }

    private static Technique poolMode(String raw, Collection<Technique> allowed) {
        Technique t = find(raw.trim().toLowerCase(Locale.ROOT), allowed);
        if (t == null || !t.isPool()) {
            String modes = allowed.stream().filter(Technique::isPool).map(Technique::id).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("unknown --pool-mode '" + raw + "': use " + or(modes));
        }
        return t;
    }

    private static Technique find(String id, Collection<Technique> allowed) {
        return allowed.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    private static String names(Collection<Technique> allowed, boolean poolWord) {
        String lanes = allowed.stream().filter(t -> !poolWord || !t.isPool()).map(Technique::id)
                .collect(Collectors.joining(", "));
        return or(poolWord ? lanes + ", " + POOL : lanes);
    }

    /** "a, b, c" reads "a, b or c". */
    private static String or(String list) {
        int last = list.lastIndexOf(", ");
        return last < 0 ? list : list.substring(0, last) + " or " + list.substring(last + 2);
    }
}
