package io.connlab.ui.model;

import io.connlab.metrics.Comparison;
import io.connlab.metrics.Format;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Percentiles;
import io.connlab.metrics.Technique;
import io.connlab.run.SavedRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two saved runs side by side, as the window's comparison view shows them: for every lane
 * either run has, run A's figure next to run B's, and B's p50 and p99 as a multiple of A's.
 * The cells are {@link Comparison}'s, the same as {@code connlab compare} prints. No JavaFX.
 */
public final class RunComparison {

    public enum Side { A, B }

    /** The rows after which a "B / A" ratio row follows. */
    private static final Set<String> RATIO_AFTER = Set.of("p50", "p99");
    /** The label of a ratio row: "p50 B/A". */
    public static final String RATIO_SUFFIX = " B/A";

    /**
     * One figure across the lanes, for A and B. A cell is null where the lane is not in that
     * run; a ratio row has cells only under B.
     */
    public record Row(String label, boolean ratio, Map<Technique, String> a, Map<Technique, String> b) {
        public String cell(Technique lane, Side side) {
            return (side == Side.A ? a : b).get(lane);
        }
    }

    private final SavedRuns.SavedRun a;
    private final SavedRuns.SavedRun b;
    private final List<Technique> lanes;
    private final List<Row> rows;

    public RunComparison(SavedRuns.SavedRun a, SavedRuns.SavedRun b) {
        this.a = a;
        this.b = b;
        Set<Technique> union = EnumSet.noneOf(Technique.class);
        a.lanes().forEach(s -> union.add(s.technique()));
        b.lanes().forEach(s -> union.add(s.technique()));
        lanes = List.copyOf(union);
        rows = rows();
    }

    /** Reads both files (a background thread's job); {@link SavedRuns.NotASavedRun} says what is wrong with one. */
    public static RunComparison load(Path a, Path b) {
        return new RunComparison(SavedRuns.load(a), SavedRuns.load(b));
    }

    /** Why {@code chosen} files cannot be compared (not two of them), in the window's language; empty when they can. */
    public static Optional<String> countProblem(int chosen) {
        if (chosen == 2) return Optional.empty();
        return Optional.of(chosen < 2 ? I18n.t("compare.needTwo") : I18n.t("compare.tooMany", chosen));
    }

    /** What is wrong with a file that is not a saved run, in the window's language. */
    public static String explain(SavedRuns.NotASavedRun e) {
        String name = String.valueOf(e.file().getFileName());
        return switch (e.why()) {
            case MISSING -> I18n.t("compare.missing", name);
            case NOT_JSON -> I18n.t("compare.notJson", name);
            case OTHER_SHAPE -> I18n.t("compare.otherShape", name);
            case NEWER_FORMAT -> I18n.t("compare.newerFormat", name, e.format(), io.connlab.run.RunReport.FORMAT);
            case OLDER_FORMAT -> I18n.t("compare.olderFormat", name, e.format(), io.connlab.run.RunReport.FORMAT);
        };
    }

    /** Every lane either run has, in the window's lane order. */
    public List<Technique> lanes() {
        return lanes;
    }

    public List<Row> tableRows() {
        return rows;
    }

    public boolean has(Technique lane, Side side) {
        return snapshot(lane, side).isPresent();
    }

    /** The lane's latency in that run (what its chart draws); empty when the lane is not in it. */
    public Optional<Percentiles> latency(Technique lane, Side side) {
        return snapshot(lane, side).map(LaneSnapshot::headlineLatency);
    }

    /** A run's name for a column: "A: mock" (the file name when both runs have the same backend kind). */
    public String shortName(Side side) {
        SavedRuns.SavedRun r = run(side);
        String kind = r.label();
        boolean alike = a.label().equals(b.label());
        return side + ": " + (alike ? SavedRuns.baseName(r.file()) : kind);
    }

    /** A run's full heading: file name, backend and when it started. */
    public String heading(Side side) {
        SavedRuns.SavedRun r = run(side);
        String when = r.startedAt() == null ? "?" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                .withZone(ZoneId.systemDefault()).format(r.startedAt());
        return side + ": " + r.file().getFileName() + " · " + r.backend() + " · " + when;
    }

    /** True when A and B are one file: allowed, but the window says so. */
    public boolean sameFile() {
        try {
            return Files.isSameFile(a.file(), b.file());
        } catch (java.io.IOException e) {
            return a.file().toAbsolutePath().normalize().equals(b.file().toAbsolutePath().normalize());
        }
    }

    /** Settings the runs differ in ("ratePerSecond 20 vs 50"); a fair comparison has none. */
    public List<String> settingDifferences() {
        return SavedRuns.settingDifferences(a, b);
    }

    private SavedRuns.SavedRun run(Side side) {
        return side == Side.A ? a : b;
    }

    private Optional<LaneSnapshot> snapshot(Technique lane, Side side) {
        return run(side).lanes().stream().filter(s -> s.technique() == lane).findFirst();
    }

    private List<Row> rows() {
        Comparison ca = Comparison.of(a.lanes());
        Comparison cb = Comparison.of(b.lanes());
        // the figures of both: pool rows appear when either run has a pool lane
        Set<String> labels = new LinkedHashSet<>();
        List<LaneSnapshot> both = new ArrayList<>(a.lanes());
        both.addAll(b.lanes());
        Comparison.of(both).rows().forEach(r -> labels.add(r.label()));
        List<Row> out = new ArrayList<>();
        for (String label : labels) {
            out.add(new Row(label, false, cells(ca, label, Side.A), cells(cb, label, Side.B)));
            if (RATIO_AFTER.contains(label)) out.add(ratioRow(label));
        }
        return List.copyOf(out);
    }

    private Map<Technique, String> cells(Comparison c, String label, Side side) {
        Map<Technique, String> m = new EnumMap<>(Technique.class);
        Comparison.Row row = c.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElse(null);
        for (Technique k : lanes) {
            if (!has(k, side)) continue; // null: not in this run
            m.put(k, row == null ? Format.NONE : row.cell(k));
        }
        return m;
    }

    private Row ratioRow(String label) {
        Map<Technique, String> blank = new EnumMap<>(Technique.class);
        Map<Technique, String> ratio = new EnumMap<>(Technique.class);
        for (Technique k : lanes) {
            blank.put(k, "");
            Optional<Percentiles> pa = latency(k, Side.A);
            Optional<Percentiles> pb = latency(k, Side.B);
            double x = pa.isPresent() && pb.isPresent()
                    ? pick(pb.get(), label) / pick(pa.get(), label) : Double.NaN;
            ratio.put(k, times(x));
        }
        return new Row(label + RATIO_SUFFIX, true, blank, ratio);
    }

    private static double pick(Percentiles p, String label) {
        return "p50".equals(label) ? p.p50() : p.p99();
    }

    /** "×1.8", "×12", "×0.52"; a dash when either figure is missing or zero. */
    static String times(double x) {
        if (!Double.isFinite(x) || x <= 0) return Format.NONE;
        String n = x >= 10 ? String.format(Locale.ROOT, "%.0f", x)
                : x >= 1 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.2f", x);
        return "×" + n;
    }
}
