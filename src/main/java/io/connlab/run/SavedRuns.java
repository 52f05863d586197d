package io.connlab.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connlab.endpoint.JsonFiles;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;

import java.io.IOException;
import java.nio.file.Path;
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
     * @param label    what its columns are called: "mock", "live", or the file name when both runs are alike
     * @param settings the run settings it was made with (rate, size, ...)
     */
    public record SavedRun(Path file, String label, String backend, String backendKind, Map<String, Object> settings,
                           List<LaneSnapshot> lanes) {
    }

    /** Reads a saved run; {@link IllegalArgumentException} names the file and what is wrong with it. */
    public static SavedRun load(Path file) {
        JsonNode root = JsonFiles.readObject(file, "a saved run");
        if (!root.path("lanes").isArray()) {
            throw new IllegalArgumentException(file + ": not a saved run: expected the JSON that 'bench --json' writes, with \"lanes\"");
        }
        List<LaneSnapshot> lanes = new ArrayList<>();
        try {
            for (JsonNode lane : root.get("lanes")) lanes.add(JSON.treeToValue(lane, LaneSnapshot.class));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": a lane could not be read (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = JSON.convertValue(root.path("settings"), TreeMap.class);
        String kind = root.path("backendKind").asText("?");
        return new SavedRun(file, kind.toLowerCase(Locale.ROOT), root.path("backend").asText("?"), kind,
                settings == null ? Map.of() : settings, List.copyOf(lanes));
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

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
