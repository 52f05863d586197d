package io.connlab.ui;

import io.connlab.metrics.Technique;

import java.util.Map;

/** One row of the comparison table: a figure ("p99") and its text per lane. */
public record ComparisonRow(String label, Map<Technique, String> cells) {

    public ComparisonRow {
        cells = cells == null ? Map.of() : Map.copyOf(cells);
    }

    public String cell(Technique kind) {
        return cells.getOrDefault(kind, "");
    }
}
