package io.connlab.ui.model;

import io.connlab.lesson.ExperimentResult;
import io.connlab.lesson.RunFigures;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure an observation read ({@code shortPoll.p50}, {@code unpooled.errors["db-too-many-clients"]})
 * in the window's words, with its unit: "Short poll: latency p50 408.8 ms". The expression
 * itself is for the curious (the card's tooltip); a figure the bundle has no words for is
 * shown as its expression.
 */
public final class FigureWords {
    private static final Pattern FIGURE = Pattern.compile("(\\w+)\\.([\\w.]+)(?:\\[\"?([^\"\\]]+)\"?])?");

    private FigureWords() {
    }

    /** The figure and its value in the window's language. */
    public static String of(String expression, double value) {
        String shown = Double.isNaN(value) ? I18n.t("lesson.noValue") : ExperimentResult.figure(value);
        Matcher m = FIGURE.matcher(expression);
        if (!m.matches() || !I18n.has("figure." + m.group(2))) return expression + " = " + shown;
        var technique = RunFigures.LANES.get(m.group(1));
        String lane = technique != null ? I18n.t("lane." + technique.id()) : m.group(1).equals("run") ? I18n.t("figure.run") : m.group(1);
        String key = m.group(3) == null ? "" : m.group(3);
        String what = I18n.t("figure." + m.group(2) + (key.isEmpty() ? "" : ".one"), shown, key);
        return I18n.t("figure.line", lane, what);
    }
}
