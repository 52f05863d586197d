package io.connlab.lesson;

import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Percentiles;
import io.connlab.metrics.Technique;
import io.connlab.run.RunController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A run's own figures under the names an observation uses: {@code websocket.p50},
 * {@code longPoll.status[504]}, {@code unpooled.errors["db-too-many-clients"]},
 * {@code run.published}. Latencies are in milliseconds; a latency with no values is NaN, and
 * every comparison with NaN is false.
 */
public final class RunFigures {
    /** The lane names of an observation, in display order. */
    public static final Map<String, Technique> LANES = lanes();
    /** Figures that take a key: {@code status[504]}, {@code closes[1009]}, {@code errors["db-too-many-clients"]}; without one, their total. */
    public static final Set<String> KEYED = Set.of("status", "closes", "errors");
    private static final Map<String, ToDoubleFunction<LaneSnapshot>> PLAIN = plain();
    private static final List<String> RUN = List.of("published", "publishFailures");

    private final Map<Technique, LaneSnapshot> lanes;
    private final long published;
    private final long publishFailures;

    /** Every figure an observation may read, on a lane or the run; the keyed ones without their key. */
    public static Set<String> names() {
        Set<String> all = new java.util.LinkedHashSet<>(PLAIN.keySet());
        all.addAll(KEYED);
        all.addAll(RUN);
        return all;
    }

    public RunFigures(Map<Technique, LaneSnapshot> lanes, long published, long publishFailures) {
        this.lanes = Map.copyOf(lanes);
        this.published = published;
        this.publishFailures = publishFailures;
    }

    /** The settled figures of a run that has ended (its final snapshots); what a window judges a lesson's run by. */
    public static RunFigures of(RunController run) {
        Map<Technique, LaneSnapshot> last = run.finalSnapshots();
        if (last == null) throw new IllegalStateException("the run has not ended yet");
        return new RunFigures(last, run.published(), run.publishFailures());
    }

    /** Null when {@code lane.figure[key]} names a figure, else why not (for the lesson's author). */
    static String check(String lane, String figure, Object key) {
        if (lane.equals("run")) {
            if (!RUN.contains(figure) || key != null) return "run has " + String.join(", ", RUN);
            return null;
        }
        if (!LANES.containsKey(lane)) return "unknown lane '" + lane + "': use " + String.join(", ", LANES.keySet()) + " or run";
        if (KEYED.contains(figure)) {
            if (key instanceof String && !figure.equals("errors")) return figure + "[...] takes a number, as in " + figure + "[1009]";
            if (key instanceof Double && figure.equals("errors")) return "errors[...] takes a kind in quotes, as in errors[\"http-504\"]";
            return null;
        }
        if (!PLAIN.containsKey(figure)) return "unknown figure '" + figure + "'";
        if (key != null) return figure + " takes no [key]";
        return null;
    }

    /** The figure's value; throws {@link IllegalStateException} when the lane was not in this run. */
    double value(String lane, String figure, Object key) {
        if (lane.equals("run")) return figure.equals("published") ? published : publishFailures;
        LaneSnapshot s = lanes.get(LANES.get(lane));
        if (s == null) throw new IllegalStateException("the " + lane + " lane was not in this run");
        return switch (figure) {
            case "status" -> key == null ? s.responses() : s.responsesByStatus().getOrDefault(((Double) key).intValue(), 0L);
            case "closes" -> key == null ? s.closesByCode().values().stream().mapToLong(Long::longValue).sum()
                    : s.closesByCode().getOrDefault(((Double) key).intValue(), 0L);
            case "errors" -> key == null ? s.errors() : s.errorsByKind().getOrDefault((String) key, 0L);
            default -> PLAIN.get(figure).applyAsDouble(s);
        };
    }

    private static Map<String, Technique> lanes() {
        Map<String, Technique> m = new LinkedHashMap<>();
        m.put("websocket", Technique.WEBSOCKET);
        m.put("longPoll", Technique.LONG_POLL);
        m.put("shortPoll", Technique.SHORT_POLL);
        m.put("pooled", Technique.POOL_POOLED);
        m.put("unpooled", Technique.POOL_UNPOOLED);
        m.put("proxy", Technique.POOL_PROXY);
        return m;
    }

    private static Map<String, ToDoubleFunction<LaneSnapshot>> plain() {
        Map<String, ToDoubleFunction<LaneSnapshot>> m = new LinkedHashMap<>();
        m.put("delivered", LaneSnapshot::delivered);
        m.put("lost", LaneSnapshot::lost);
        m.put("duplicates", LaneSnapshot::duplicates);
        m.put("expected", LaneSnapshot::expected);
        percentiles(m, "", LaneSnapshot::headlineLatency);
        m.put("requests", LaneSnapshot::requests);
        m.put("responses", LaneSnapshot::responses);
        m.put("empty", LaneSnapshot::emptyResponses);
        m.put("opened", LaneSnapshot::connectionsOpened);
        m.put("open", LaneSnapshot::connectionsOpen);
        m.put("reconnects", LaneSnapshot::reconnects);
        m.put("gaps", LaneSnapshot::gaps);
        m.put("bytesUp", LaneSnapshot::bytesUp);
        m.put("bytesDown", LaneSnapshot::bytesDown);
        m.put("heldMs", LaneSnapshot::requestHeldMs);
        m.put("connectionMinutes", LaneSnapshot::connectionMinutes);
        m.put("invocations", s -> s.pool().invocations());
        m.put("failed", s -> s.pool().failed());
        m.put("throttled", s -> s.pool().throttled());
        m.put("succeeded", s -> s.pool().succeeded());
        m.put("coldStarts", s -> s.pool().coldStarts());
        m.put("containers", s -> s.pool().containers());
        m.put("dbConnectionsMax", s -> s.pool().dbConnectionsMax());
        m.put("maxConnections", s -> s.pool().dbMaxConnections());
        percentiles(m, "connect.", s -> s.pool().connectMs());
        percentiles(m, "query.", s -> s.pool().queryMs());
        return m;
    }

    private static void percentiles(Map<String, ToDoubleFunction<LaneSnapshot>> m, String prefix,
                                    java.util.function.Function<LaneSnapshot, Percentiles> of) {
        m.put(prefix + "p50", s -> of.apply(s).p50());
        m.put(prefix + "p90", s -> of.apply(s).p90());
        m.put(prefix + "p99", s -> of.apply(s).p99());
        m.put(prefix + "max", s -> of.apply(s).max());
        m.put(prefix + "mean", s -> of.apply(s).mean());
    }
}
