package io.connlab.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connlab.endpoint.JsonFiles;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Saved runs ({@link RunReport} JSON, as {@code bench --json} and the window write them) read back,
 * and two of them side by side: each lane of run a next to the same lane of run b, in one table.
 */
public final class SavedRuns {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SavedRuns() {
    }

    /**
     * One saved run.
     *
     * @param label     what its columns are called: "mock", "live", or the file name when both runs are alike
     * @param settings  the run settings it was made with (rate, size, ...)
     * @param startedAt when the run started, null if the file does not say
     */
    public record SavedRun(Path file, String label, String backend, String backendKind, Map<String, Object> settings,
                           List<LaneSnapshot> lanes, Instant startedAt) {
    }

    /** Why a file is not a saved run this version can read: the window says each in its own words. */
    public static final class NotASavedRun extends IllegalArgumentException {
        /** What is wrong with the file. */
        public enum Why { MISSING, NOT_JSON, OTHER_SHAPE, NEWER_FORMAT, OLDER_FORMAT }

        private final transient Path file;
        private final Why why;
        private final int format;

        NotASavedRun(Path file, Why why, int format, String message) {
            super(message);
            this.file = file;
            this.why = why;
            this.format = format;
        }

        public Path file() {
            return file;
        }

        public Why why() {
            return why;
        }

        /** The file's format number (for NEWER_FORMAT / OLDER_FORMAT). */
        public int format() {
            return format;
        }
    }

    /** Reads a saved run; {@link NotASavedRun} names the file and what is wrong with it. */
    public static SavedRun load(Path file) {
        if (!Files.isRegularFile(file)) throw new NotASavedRun(file, NotASavedRun.Why.MISSING, 0, file + ": no such file");
        JsonNode root;
        try {
            root = JsonFiles.readObject(file, "a saved run");
        } catch (IllegalArgumentException e) {
            throw new NotASavedRun(file, NotASavedRun.Why.NOT_JSON, 0, e.getMessage());
        }
        JsonNode format = root.path("format");
        int version = format.isMissingNode() ? RunReport.FORMAT : format.asInt(-1);
        if (format.isIntegralNumber() && version > RunReport.FORMAT) {
            throw new NotASavedRun(file, NotASavedRun.Why.NEWER_FORMAT, version, file + ": saved by a newer ConnLab (run format "
                    + version + "; this version reads format " + RunReport.FORMAT + ")");
        }
        if (format.isIntegralNumber() && version < RunReport.FORMAT) {
            throw new NotASavedRun(file, NotASavedRun.Why.OLDER_FORMAT, version, file + ": saved in an older run format ("
                    + version + "; this version reads format " + RunReport.FORMAT + ")");
        }
        if (!root.path("lanes").isArray() || root.get("lanes").isEmpty() || !format.isMissingNode() && !format.isIntegralNumber()) {
            throw notARun(file, "expected the JSON that 'bench --json' writes, with \"lanes\"");
        }
        List<LaneSnapshot> lanes = new ArrayList<>();
        try {
            for (JsonNode lane : root.get("lanes")) lanes.add(JSON.treeToValue(lane, LaneSnapshot.class));
        } catch (IOException e) {
            throw notARun(file, "a lane could not be read (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        // a lane of another shape reads as nulls: refuse it here rather than fail while drawing it
        for (LaneSnapshot s : lanes) {
            if (s.lane() == null || s.technique() == null || s.latency() == null || s.pool() == null) {
                throw notARun(file, "a lane lacks its name, technique, latency or pool figures");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = JSON.convertValue(root.path("settings"), TreeMap.class);
        String kind = root.path("backendKind").asText("?");
        return new SavedRun(file, kind.toLowerCase(Locale.ROOT), root.path("backend").asText("?"), kind,
                settings == null ? Map.of() : settings, List.copyOf(lanes), instant(root.path("startedAt").asText("")));
    }

    private static NotASavedRun notARun(Path file, String why) {
        return new NotASavedRun(file, NotASavedRun.Why.OTHER_SHAPE, 0, file + ": not a saved run: " + why);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Lane by lane, a's column then b's, named "lane (label)"; a lane only one run has appears once. */
    public static Comparison sideBySide(SavedRun a, SavedRun b) {
        String la = a.label();
        String lb = b.label();
        if (la.equals(lb)) {
            la = baseName(a.file());
            lb = baseName(b.file());
        }
        if (la.equals(lb)) {
            la = "a";
            lb = "b";
        }
        Set<String> names = new LinkedHashSet<>();
        a.lanes().forEach(s -> names.add(s.lane()));
        b.lanes().forEach(s -> names.add(s.lane()));
        List<LaneSnapshot> columns = new ArrayList<>();
        for (String name : names) {
            for (LaneSnapshot s : a.lanes()) if (s.lane().equals(name)) columns.add(renamed(s, name + " (" + la + ")"));
            for (LaneSnapshot s : b.lanes()) if (s.lane().equals(name)) columns.add(renamed(s, name + " (" + lb + ")"));
        }
        return Comparison.of(columns);
    }

    /** Settings that differ between the runs, e.g. "ratePerSecond 20 vs 50": the comparison is only fair without any. */
    public static List<String> settingDifferences(SavedRun a, SavedRun b) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(a.settings().keySet());
        keys.addAll(b.settings().keySet());
        for (String k : keys) {
            Object va = a.settings().get(k);
            Object vb = b.settings().get(k);
            if (!Objects.equals(va, vb)) out.add(k + " " + va + " vs " + vb);
        }
        return out;
    }

    private static LaneSnapshot renamed(LaneSnapshot s, String name) {
        ObjectNode n = JSON.valueToTree(s);
        n.put("lane", name);
        try {
            return JSON.treeToValue(n, LaneSnapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("a snapshot that was just written reads back", e);
        }
    }

    /** The file's name without ".json". */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
