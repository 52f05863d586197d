package io.connlab.lesson;

import io.connlab.metrics.Technique;
import io.connlab.run.PublishPath;
import io.connlab.run.RunSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code experiment} block of a lesson: one {@code key: value} per line (see
 * lessons/README.md). Unknown keys, missing ones and bad values are refused with the line.
 */
final class ExperimentParser {
    private static final Pattern AT = Pattern.compile("at\\s+([^:]+):\\s*(.+)");
    private static final Set<String> ONCE = Set.of("id", "title", "lanes", "pool-modes", "rate", "size", "duration",
            "publish", "clients", "rtt", "jitter", "time-scale", "max-connections", "short-poll-interval",
            "long-poll-wait", "heartbeat", "question", "answer", "observe", "why");

    private ExperimentParser() {
    }

    /** {@code firstLine} is the line of the block's opening fence in the file, for messages. */
    static Experiment parse(String block, int firstLine) {
        String id = null, title = null, question = null, observe = null, why = null;
        Integer answer = null;
        List<String> choices = new ArrayList<>();
        List<String[]> faults = new ArrayList<>();
        String lanes = null, poolModes = "pooled, unpooled";
        int rate = 20, size = 256, clients = 1, rtt = 0, jitter = 0, maxConnections = 100;
        double timeScale = 1;
        Duration duration = null, shortPoll = Duration.ofSeconds(1), longPollWait = Duration.ofSeconds(20), heartbeat = null;
        PublishPath publish = PublishPath.SNS;
        Set<String> seen = new HashSet<>();
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int where = firstLine + 1 + i;
            try {
                Matcher at = AT.matcher(line);
                if (at.matches()) {
                    faults.add(new String[] {at.group(1).strip(), at.group(2).strip()});
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 1) throw new IllegalArgumentException("expected 'key: value'");
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (value.isEmpty()) throw new IllegalArgumentException(key + " has no value");
                if (!key.equals("choice")) {
                    if (!ONCE.contains(key)) throw new IllegalArgumentException("unknown key '" + key + "'");
                    if (!seen.add(key)) throw new IllegalArgumentException(key + " is given twice");
                }
                switch (key) {
                    case "id" -> id = checkId(value);
                    case "title" -> title = value;
                    case "lanes" -> lanes = value;
                    case "pool-modes" -> poolModes = value;
                    case "rate" -> rate = Units.parseCount(key, value, "/s");
                    case "size" -> size = Units.parseBytes(key, value);
                    case "duration" -> duration = Units.parseDuration(key, value);
                    case "publish" -> publish = PublishPath.parse(value);
                    case "clients" -> clients = Units.parseCount(key, value, null);
                    case "rtt" -> rtt = Units.parseCount(key, value, "ms");
                    case "jitter" -> jitter = Units.parseCount(key, value, "ms");
                    case "time-scale" -> timeScale = Units.parseCount(key, value, null);
                    case "max-connections" -> maxConnections = Units.parseCount(key, value, null);
                    case "short-poll-interval" -> shortPoll = Units.parseDuration(key, value);
                    case "long-poll-wait" -> longPollWait = Units.parseDuration(key, value);
                    case "heartbeat" -> heartbeat = Preset.requirePositive(key, Units.parseDuration(key, value));
                    case "question" -> question = value;
                    case "choice" -> choices.add(value);
                    case "answer" -> answer = Units.parseCount(key, value, null) - 1;
                    case "observe" -> observe = value;
                    case "why" -> why = value;
                    default -> throw new IllegalStateException(key);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + where + ": " + e.getMessage(), e);
            }
        }
        String where = "experiment at line " + firstLine + (id == null ? "" : " ('" + id + "')") + ": ";
        try {
            require(id, "id");
            require(lanes, "lanes");
            require(duration, "duration");
            require(question, "question");
            require(answer, "answer");
            require(observe, "observe");
            RunSettings run = new RunSettings(rate, size, duration, clients, lanes(lanes, poolModes), publish,
                    shortPoll, longPollWait, heartbeat);
            List<TimedFault> timed = new ArrayList<>();
            for (String[] f : faults) timed.add(TimedFault.parse(Units.parseDuration("at", f[0]), f[1]));
            timed.sort(java.util.Comparator.comparing(TimedFault::at));
            Preset preset = new Preset(run, new BackendSetup(timeScale, rtt, jitter, maxConnections), timed);
            return new Experiment(id, title == null ? id : title, preset, new Prediction(question, choices, answer),
                    Observation.parse(observe), why);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    /** "websocket, long-poll, pool" with pool modes; every technique id ("pooled", "proxy") also works alone. */
    static Set<Technique> lanes(String lanes, String poolModes) {
        Set<Technique> out = EnumSet.noneOf(Technique.class);
        for (String raw : lanes.split(",")) {
            String lane = raw.strip().toLowerCase(Locale.ROOT);
            if (lane.equals("pool")) {
                for (String mode : poolModes.split(",")) out.add(technique(mode.strip().toLowerCase(Locale.ROOT)));
            } else {
                out.add(technique(lane));
            }
        }
        return out;
    }

    private static Technique technique(String id) {
        for (Technique t : Technique.values()) if (t.id().equals(id)) return t;
        throw new IllegalArgumentException("unknown lane '" + id + "': use websocket, long-poll, short-poll, pool, pooled, unpooled or proxy");
    }

    private static String checkId(String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]{0,40}")) throw new IllegalArgumentException("id must be lowercase letters, digits and '-'");
        return id;
    }

    private static void require(Object value, String key) {
        if (value == null) throw new IllegalArgumentException("'" + key + "' is missing");
    }
}
