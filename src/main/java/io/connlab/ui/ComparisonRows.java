package io.connlab.ui;

import io.connlab.metrics.Technique;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The comparison table's rows derived from lane figures, for engines that give none of their own. */
public final class ComparisonRows {

    private ComparisonRows() {
    }

    public static List<ComparisonRow> from(Map<Technique, LaneFigures> lanes) {
        List<ComparisonRow> rows = new ArrayList<>();
        rows.add(row("delivered", lanes, f -> Format.count(f.delivered())));
        rows.add(row("lost", lanes, f -> Format.count(f.lost())));
        rows.add(row("duplicates", lanes, f -> Format.count(f.duplicates())));
        rows.add(row("p50", lanes, f -> Format.ms(f.p50Ms())));
        rows.add(row("p90", lanes, f -> Format.ms(f.p90Ms())));
        rows.add(row("p99", lanes, f -> Format.ms(f.p99Ms())));
        rows.add(row("max", lanes, f -> Format.ms(f.maxMs())));
        rows.add(row("requests", lanes, f -> Format.count(f.requests() + f.invocations())));
        rows.add(row("connections", lanes, f -> Format.count(f.connections())));
        rows.add(row("bytes", lanes, f -> Format.bytes(f.bytes())));
        rows.add(row("$ per million", lanes, f -> Format.dollars(f.costPerMillion())));
        return rows;
    }

    private static ComparisonRow row(String label, Map<Technique, LaneFigures> lanes, Function<LaneFigures, String> cell) {
        Map<Technique, String> cells = new EnumMap<>(Technique.class);
        lanes.forEach((k, f) -> cells.put(k, cell.apply(f)));
        return new ComparisonRow(label, cells);
    }
}
