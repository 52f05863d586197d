package io.connlab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A check over a run's own figures, written in the lesson file: comparisons of figures and
 * numbers joined by {@code &&}, {@code ||} and {@code !}, with {@code + - * /} and brackets,
 * for example {@code shortPoll.p50 > longPoll.p50 && websocket.closes[1009] >= 1}. Parsed by
 * {@link ObservationParser} (no script engine), so a lesson file can only read figures.
 */
public final class Observation {
    private final String source;
    private final Node root;
    private final List<Ref> refs;

    Observation(String source, Node root, List<Ref> refs) {
        this.source = source;
        this.root = root;
        this.refs = List.copyOf(refs);
    }

    /** Parses {@code source}; throws {@link IllegalArgumentException} saying what is wrong and where. */
    public static Observation parse(String source) {
        return ObservationParser.parse(source);
    }

    /** The expression as the lesson wrote it. */
    public String source() {
        return source;
    }

    /** The figures it reads, in the order it names them ("shortPoll.p50", ...), without repeats. */
    public List<String> figureNames() {
        return refs.stream().map(Ref::text).distinct().toList();
    }

    /** The lanes it reads ("websocket", "longPoll", ...; "run" for the run's own figures). */
    public java.util.Set<String> laneNames() {
        return refs.stream().map(Ref::lane).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Evaluates over {@code figures}: whether it held, and every figure it read with its value. */
    public Outcome evaluate(RunFigures figures) {
        Map<String, Double> read = new LinkedHashMap<>();
        try {
            for (Ref r : refs) read.put(r.text(), r.num(figures));
            return new Outcome(root.bool(figures), read, null);
        } catch (IllegalStateException e) {
            return new Outcome(false, read, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return source;
    }

    /**
     * What a run showed: {@code held}, the figures the observation read (in its order), and
     * {@code problem} when it could not be judged (a lane that was not in the run).
     */
    public record Outcome(boolean held, Map<String, Double> figures, String problem) {
    }

    /** One node of the parsed expression; numbers and truth values are kept apart at parse time. */
    interface Node {
        default double num(RunFigures f) {
            throw new IllegalStateException("not a number");
        }

        default boolean bool(RunFigures f) {
            throw new IllegalStateException("not a condition");
        }

        boolean isCondition();
    }

    record Num(double value) implements Node {
        public double num(RunFigures f) {
            return value;
        }

        public boolean isCondition() {
            return false;
        }
    }

    record Ref(String lane, String figure, Object key, String text) implements Node {
        public double num(RunFigures f) {
            return f.value(lane, figure, key);
        }

        public boolean isCondition() {
            return false;
        }
    }

    record Arith(char op, Node left, Node right) implements Node {
        public double num(RunFigures f) {
            double a = left.num(f);
            double b = right.num(f);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? Double.NaN : a / b;
            };
        }

        public boolean isCondition() {
            return false;
        }
    }

    record Compare(String op, Node left, Node right) implements Node {
        public boolean bool(RunFigures f) {
            double a = left.num(f);
            double b = right.num(f);
            if (Double.isNaN(a) || Double.isNaN(b)) return false; // no value: nothing is shown
            return switch (op) {
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "==" -> a == b;
                default -> a != b;
            };
        }

        public boolean isCondition() {
            return true;
        }
    }

    record Logic(String op, Node left, Node right) implements Node {
        public boolean bool(RunFigures f) {
            return switch (op) {
                case "&&" -> left.bool(f) && right.bool(f);
                case "||" -> left.bool(f) || right.bool(f);
                default -> !left.bool(f);
            };
        }

        public boolean isCondition() {
            return true;
        }
    }

    static List<Ref> refsOf(Node n, List<Ref> out) {
        if (n instanceof Ref r) out.add(r);
        else if (n instanceof Arith a) { refsOf(a.left, out); refsOf(a.right, out); }
        else if (n instanceof Compare c) { refsOf(c.left, out); refsOf(c.right, out); }
        else if (n instanceof Logic l) { refsOf(l.left, out); if (l.right != null) refsOf(l.right, out); }
        return out;
    }

    static List<Ref> refsOf(Node n) {
        return refsOf(n, new ArrayList<>());
    }
}
