package io.connlab.ui;

import io.connlab.run.LaneKind;

import java.util.Map;

/** One row of the comparison table: a figure ("p99") and its text per lane. */
public record ComparisonRow(String label, Map<LaneKind, String> cells) {

    public ComparisonRow {
        cells = cells == null ? Map.of() : Map.copyOf(cells);
    }

    public String cell(LaneKind kind) {
        return cells.getOrDefault(kind, "");
    }
}
