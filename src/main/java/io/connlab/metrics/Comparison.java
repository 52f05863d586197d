package io.connlab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The side-by-side table of a run: one column per lane, one row per figure (delivered, lost,
 * duplicates, latency, requests, connections, bytes, estimated $ per million delivered), as
 * formatted text cells. The UI's comparison table, {@code bench}'s printed table and its CSV
 * all come from here, so they always agree. Pool rows appear when a pool lane is present.
 */
public final class Comparison {

    /** What a cell shows when the figure does not apply to the lane. */
    static final String NONE = Format.NONE;

    private static boolean isPoll(LaneSnapshot s) {
        return s.technique() == Technique.LONG_POLL || s.technique() == Technique.SHORT_POLL;
    }

    /** One figure across the lanes: its cells in lane order, each lane known by its technique, not its label. */
    public record Row(String label, List<Technique> lanes, List<String> cells) {

        public Row {
            lanes = List.copyOf(lanes);
            cells = List.copyOf(cells);
        }

        /** The lane's cell, or empty when the lane is not in this comparison. */
        public String cell(Technique lane) {
            int i = lanes.indexOf(lane);
            return i < 0 || i >= cells.size() ? "" : cells.get(i);
        }
    }

    private final List<LaneSnapshot> lanes;
    private final List<CostModel.Estimate> costs;
    private final Prices prices;

    public Comparison(List<LaneSnapshot> lanes, CostModel model, LaneCost.Assumptions assumptions) {
        this.lanes = List.copyOf(lanes);
        this.prices = model.prices();
        List<CostModel.Estimate> c = new ArrayList<>();
        for (LaneSnapshot s : this.lanes) {
            c.add(LaneCost.estimate(s, model, assumptions));
        }
        this.costs = List.copyOf(c);
    }

    /** With current prices and default assumptions. */
    public static Comparison of(List<LaneSnapshot> lanes) {
        return new Comparison(lanes, new CostModel(), LaneCost.Assumptions.DEFAULT);
    }

    /** The lanes' techniques, in lane order. */
    public List<Technique> techniques() {
        return lanes.stream().map(LaneSnapshot::technique).toList();
    }

    /** Column headings: the lane names. */
    public List<String> laneNames() {
        return lanes.stream().map(LaneSnapshot::lane).toList();
    }

    /** Each lane's cost estimate, in lane order. */
    public List<CostModel.Estimate> costs() {
        return costs;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("delivered", s -> Format.count(s.deliveredOrInvoked())));
        rows.add(row("lost", s -> Format.count(s.lost())));
        rows.add(row("duplicates", s -> Format.count(s.duplicates())));
        rows.add(row("p50", s -> Format.ms(s.headlineLatency().p50())));
        rows.add(row("p90", s -> Format.ms(s.headlineLatency().p90())));
        rows.add(row("p99", s -> Format.ms(s.headlineLatency().p99())));
        rows.add(row("max", s -> Format.ms(s.headlineLatency().max())));
        rows.add(row("requests", s -> Format.count(s.requests())));
        // Only polls have empty answers; only WebSocket lanes see their connections (the JDK
        // HTTP client pools keep-alive connections out of sight): the rest show a dash.
        rows.add(row("empty responses", s -> isPoll(s) ? Format.count(s.emptyResponses()) : NONE));
        rows.add(row("connections", s -> s.technique() == Technique.WEBSOCKET ? Format.count(s.connectionsOpened()) : NONE));
        rows.add(row("reconnects", s -> Format.count(s.reconnects())));
        rows.add(row("errors", s -> Format.count(s.errors())));
        rows.add(row("bytes up", s -> Format.bytes(s.bytesUp(), s.bytesEstimated())));
        rows.add(row("bytes down", s -> Format.bytes(s.bytesDown(), s.bytesEstimated())));
        if (lanes.stream().anyMatch(s -> s.technique() != null && s.technique().isPool())) {
            rows.add(row("invocations", s -> Format.count(s.pool().invocations())));
            rows.add(row("failed invocations", s -> Format.count(s.pool().failed())));
            rows.add(row("throttled", s -> s.technique().isPool() ? Format.count(s.pool().throttled()) : NONE));
            rows.add(row("cold starts", s -> Format.count(s.pool().coldStarts())));
            rows.add(row("connect p50", s -> Format.ms(s.pool().connectMs().p50())));
            rows.add(row("query p50", s -> Format.ms(s.pool().queryMs().p50())));
            rows.add(row("DB connections max", s -> Format.ofMax(s.pool().dbConnectionsMax(), s.pool().dbMaxConnections())));
        }
        List<String> perMillion = new ArrayList<>();
        for (CostModel.Estimate e : costs) {
            perMillion.add(Format.dollars(e.perMillionDelivered()));
        }
        rows.add(new Row("$ per M delivered", techniques(), perMillion));
        return rows;
    }

    /** What the marks and the dollar figures mean, for under the table. */
    public String footnote() {
        return Format.ESTIMATE_MARK + " estimated bytes; $ per M: estimate from AWS " + prices.region()
                + " list prices checked " + prices.checked();
    }

    /** RFC 4180 CSV: a header ("figure", lane names) then one line per row. */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("figure");
        header.addAll(laneNames());
        csvLine(b, header);
        for (Row r : rows()) {
            List<String> line = new ArrayList<>();
            line.add(r.label());
            line.addAll(r.cells());
            csvLine(b, line);
        }
        return b.toString();
    }

    /** A plain-text table with aligned columns and the footnote, for a terminal. */
    public String toText() {
        List<Row> rows = rows();
        int labelWidth = "figure".length();
        for (Row r : rows) {
            labelWidth = Math.max(labelWidth, r.label().length());
        }
        int[] widths = new int[lanes.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = lanes.get(i).lane().length();
            for (Row r : rows) {
                widths[i] = Math.max(widths[i], r.cells().get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(pad("", labelWidth, false));
        for (int i = 0; i < widths.length; i++) {
            b.append("  ").append(pad(lanes.get(i).lane(), widths[i], true));
        }
        b.append('\n');
        for (Row r : rows) {
            b.append(pad(r.label(), labelWidth, false));
            for (int i = 0; i < widths.length; i++) {
                b.append("  ").append(pad(r.cells().get(i), widths[i], true));
            }
            b.append('\n');
        }
        b.append(footnote()).append('\n');
        return b.toString();
    }

    private Row row(String label, Function<LaneSnapshot, String> cell) {
        return new Row(label, techniques(), lanes.stream().map(cell).toList());
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    private static void csvLine(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        b.append("\r\n");
    }
}
