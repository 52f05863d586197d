package io.connlab.lesson;

import io.connlab.lesson.Observation.Arith;
import io.connlab.lesson.Observation.Compare;
import io.connlab.lesson.Observation.Logic;
import io.connlab.lesson.Observation.Node;
import io.connlab.lesson.Observation.Num;
import io.connlab.lesson.Observation.Ref;

/**
 * A recursive-descent parser for observations. Grammar, loosest first:
 * <pre>
 *   or      := and ('||' and)*
 *   and     := not ('&&' not)*
 *   not     := '!' not | compare | '(' or ')'
 *   compare := sum ('<' | '<=' | '>' | '>=' | '==' | '!=') sum
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := '-' unary | number | figure | '(' sum ')'
 *   figure  := lane '.' name ('.' name)* ('[' number | "text" ']')?
 * </pre>
 * The whole must be a condition; every figure name is checked against {@link RunFigures}.
 */
final class ObservationParser {
    private static final int MAX_LENGTH = 1_000;
    private final String src;
    private int pos;

    private ObservationParser(String src) {
        this.src = src;
    }

    static Observation parse(String source) {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("an observation is needed");
        if (source.length() > MAX_LENGTH) throw new IllegalArgumentException("an observation is at most " + MAX_LENGTH + " characters");
        ObservationParser p = new ObservationParser(source);
        Node root = p.or();
        p.skip();
        if (p.pos < source.length()) throw p.error("unexpected '" + source.charAt(p.pos) + "'");
        if (!root.isCondition()) throw p.error("an observation must compare, as in websocket.p50 < shortPoll.p50");
        return new Observation(source.trim(), root, Observation.refsOf(root));
    }

    private Node or() {
        Node left = and();
        while (take("||")) left = new Logic("||", cond(left), cond(and()));
        return left;
    }

    private Node and() {
        Node left = not();
        while (take("&&")) left = new Logic("&&", cond(left), cond(not()));
        return left;
    }

    private Node not() {
        if (peek("!") && !peek("!=")) {
            take("!");
            return new Logic("!", cond(not()), null);
        }
        // A bracket may hold a condition or a sum: try the condition, else go back.
        int mark = pos;
        if (take("(")) {
            Node inner = or();
            if (inner.isCondition() && take(")")) return inner;
            pos = mark;
        }
        Node left = sum();
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (take(op)) return new Compare(op, num(left), num(sum()));
        }
        return left;
    }

    private Node sum() {
        Node left = product();
        while (true) {
            if (take("+")) left = new Arith('+', num(left), num(product()));
            else if (take("-")) left = new Arith('-', num(left), num(product()));
            else return left;
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            if (take("*")) left = new Arith('*', num(left), num(unary()));
            else if (take("/")) left = new Arith('/', num(left), num(unary()));
            else return left;
        }
    }

    private Node unary() {
        skip();
        if (take("-")) return new Arith('-', new Num(0), num(unary()));
        if (take("(")) {
            Node inner = sum();
            expect(")");
            return inner;
        }
        if (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) return new Num(number());
        if (pos < src.length() && Character.isLetter(src.charAt(pos))) return figure();
        throw error(pos < src.length() ? "unexpected '" + src.charAt(pos) + "'" : "the observation ends too early");
    }

    private Node figure() {
        int start = pos;
        String lane = name();
        expect(".");
        StringBuilder figure = new StringBuilder(name());
        while (peekChar('.')) {
            pos++;
            figure.append('.').append(name());
        }
        Object key = null;
        if (take("[")) {
            skip();
            key = pos < src.length() && src.charAt(pos) == '"' ? text() : (Object) number();
            expect("]");
        }
        String why = RunFigures.check(lane, figure.toString(), key);
        if (why != null) throw error(why, start);
        return new Ref(lane, figure.toString(), key, src.substring(start, pos).replace(" ", ""));
    }

    private String name() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        if (pos == start) throw error("a name is expected");
        return src.substring(start, pos);
    }

    private double number() {
        skip();
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
        try {
            return Double.parseDouble(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("a number is expected", start);
        }
    }

    private String text() {
        int start = ++pos;
        while (pos < src.length() && src.charAt(pos) != '"') pos++;
        if (pos >= src.length()) throw error("a closing \" is missing", start - 1);
        return src.substring(start, pos++);
    }

    private Node cond(Node n) {
        if (!n.isCondition()) throw error("a comparison is expected here");
        return n;
    }

    private Node num(Node n) {
        if (n.isCondition()) throw error("a number or figure is expected here, not a comparison");
        return n;
    }

    private boolean peekChar(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private boolean peek(String s) {
        skip();
        return src.startsWith(s, pos);
    }

    private boolean take(String s) {
        if (!peek(s)) return false;
        pos += s.length();
        return true;
    }

    private void expect(String s) {
        if (!take(s)) throw error("'" + s + "' is expected");
    }

    private void skip() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String what) {
        return error(what, pos);
    }

    private IllegalArgumentException error(String what, int at) {
        return new IllegalArgumentException("observation '" + src.trim() + "', at character " + (at + 1) + ": " + what);
    }
}
