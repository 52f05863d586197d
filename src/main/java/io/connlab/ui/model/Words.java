package io.connlab.ui.model;

import java.util.Arrays;
import java.util.List;

/**
 * Something to say in the window, kept as a bundle key and its arguments until it is shown, so
 * code below the views (a fault's outcome, an event line) never picks a language: {@link #shown()}
 * renders it through {@link I18n} in the window's language. An argument may itself be
 * {@code Words} (a clause), rendered first; {@link #NOTHING} renders as "".
 */
public record Words(String key, List<Object> args) {

    /** An empty clause ("nothing to add"). */
    public static final Words NOTHING = new Words("", List.of());

    public Words {
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args)); // may hold a null (shown as "null")
    }

    public static Words of(String key, Object... args) {
        return new Words(key, Arrays.asList(args));
    }

    /** The words in the window's language. */
    public String shown() {
        if (key.isEmpty()) return "";
        return I18n.t(key, args.stream().map(a -> a instanceof Words w ? w.shown() : a).toArray());
    }

    @Override
    public String toString() {
        return shown();
    }
}
