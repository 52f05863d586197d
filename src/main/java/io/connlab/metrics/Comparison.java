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

    /**
     * One figure: its row label, its unit for the CSV header ("" for a count), its cell text,
     * and its plain value (NaN where the figure does not apply or is unknown).
     */
    private record Figure(String label, String unit, Function<LaneSnapshot, String> text,
                          java.util.function.ToDoubleFunction<LaneSnapshot> value) {
    }

    private static Figure count(String label, java.util.function.ToLongFunction<LaneSnapshot> f) {
        return new Figure(label, "", s -> Format.count(f.applyAsLong(s)), s -> f.applyAsLong(s));
    }

    private static Figure ms(String label, java.util.function.ToDoubleFunction<LaneSnapshot> f) {
        return new Figure(label, "ms", s -> Format.ms(f.applyAsDouble(s)), f);
    }

    /** A figure only some lanes have: a dash (and an empty CSV cell) for the others. */
    private static Figure only(java.util.function.Predicate<LaneSnapshot> has, Figure f) {
        return new Figure(f.label(), f.unit(), s -> has.test(s) ? f.text().apply(s) : NONE,
                s -> has.test(s) ? f.value().applyAsDouble(s) : Double.NaN);
    }

    private List<Figure> figures() {
        List<Figure> f = new ArrayList<>();
        f.add(count("delivered", LaneSnapshot::deliveredOrInvoked));
        f.add(count("lost", LaneSnapshot::lost));
        f.add(count("duplicates", LaneSnapshot::duplicates));
        f.add(ms("p50", s -> s.headlineLatency().p50()));
        f.add(ms("p90", s -> s.headlineLatency().p90()));
        f.add(ms("p99", s -> s.headlineLatency().p99()));
        f.add(ms("max", s -> s.headlineLatency().max()));
        f.add(count("requests", LaneSnapshot::requests));
        // Only polls have empty answers; only WebSocket lanes see their connections (the JDK
        // HTTP client pools keep-alive connections out of sight): the rest show a dash.
        f.add(only(Comparison::isPoll, count("empty responses", LaneSnapshot::emptyResponses)));
        f.add(only(s -> s.technique() == Technique.WEBSOCKET, count("connections", LaneSnapshot::connectionsOpened)));
        f.add(count("reconnects", LaneSnapshot::reconnects));
        f.add(count("errors", LaneSnapshot::errors));
        f.add(new Figure("bytes up", "B", s -> Format.bytes(s.bytesUp(), s.bytesEstimated()), LaneSnapshot::bytesUp));
        f.add(new Figure("bytes down", "B", s -> Format.bytes(s.bytesDown(), s.bytesEstimated()), LaneSnapshot::bytesDown));
        if (lanes.stream().anyMatch(s -> s.technique() != null && s.technique().isPool())) {
            java.util.function.Predicate<LaneSnapshot> pool = s -> s.technique() != null && s.technique().isPool();
            f.add(count("invocations", s -> s.pool().invocations()));
            f.add(count("failed invocations", s -> s.pool().failed()));
            f.add(only(pool, count("throttled", s -> s.pool().throttled())));
            f.add(count("cold starts", s -> s.pool().coldStarts()));
            f.add(ms("connect p50", s -> s.pool().connectMs().p50()));
            f.add(ms("query p50", s -> s.pool().queryMs().p50()));
            f.add(new Figure("DB connections max", "", s -> Format.ofMax(s.pool().dbConnectionsMax(), s.pool().dbMaxConnections()),
                    s -> s.pool().dbConnectionsMax()));
        }
        f.add(new Figure("$ per M delivered", "USD", s -> Format.dollars(cost(s).perMillionDelivered()),
                s -> cost(s).perMillionDelivered()));
        return f;
    }

    private CostModel.Estimate cost(LaneSnapshot s) {
        return costs.get(lanes.indexOf(s));
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Figure f : figures()) rows.add(new Row(f.label(), techniques(), lanes.stream().map(f.text()).toList()));
        return rows;
    }

    /** What the marks and the dollar figures mean, for under the table. */
    public String footnote() {
        return Format.ESTIMATE_MARK + " estimated bytes; $ per M: estimate from AWS " + prices.region()
                + " list prices checked " + prices.checked();
    }

    /**
     * RFC 4180 CSV for a spreadsheet: a header ("lane", then each figure with its unit:
     * "p50 (ms)", "bytes up (B)") and one line per lane of plain numbers, a cell empty where the
     * figure has no value for that lane. The window's and bench's table show the same figures.
     */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        List<Figure> figures = figures();
        List<String> header = new ArrayList<>();
        header.add("lane");
        for (Figure f : figures) header.add(f.unit().isEmpty() ? f.label() : f.label() + " (" + f.unit() + ")");
        csvLine(b, header);
        for (LaneSnapshot s : lanes) {
            List<String> line = new ArrayList<>();
            line.add(s.lane());
            for (Figure f : figures) line.add(plain(f.value().applyAsDouble(s)));
            csvLine(b, line);
        }
        return b.toString();
    }

    /** A plain number: whole numbers without a fraction, others to 3 places; empty for none. */
    static String plain(double v) {
        if (!Double.isFinite(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
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
