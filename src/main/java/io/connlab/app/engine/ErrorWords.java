package io.connlab.app.engine;

import io.connlab.ui.model.I18n;

import java.util.Set;

/**
 * An error's kind ("function-error", "io", "http-504") and a WebSocket close code in the
 * window's words, for the events list; a kind without words is shown as it is.
 */
public final class ErrorWords {
    /** The kinds the lanes report that have words (a transport failure's, the pool function's answers). */
    public static final Set<String> KINDS = Set.of("function-error", "db-too-many-clients", "io", "closed", "connect", "timeout", "tls");
    /** The WebSocket close codes that have words. */
    public static final Set<Integer> CLOSE_CODES = Set.of(1000, 1001, 1006, 1009, 1011);

    private ErrorWords() {
    }

    static String kind(String kind) {
        if (KINDS.contains(kind)) return I18n.t("errorKind." + kind);
        if (kind.matches("http-\\d{3}")) return I18n.t("errorKind.http", kind.substring(5));
        return kind;
    }

    /** "closed 1006: the connection was lost". */
    static String close(int code) {
        return CLOSE_CODES.contains(code) ? I18n.t("event.closedMeaning", code, I18n.t("closeCode." + code)) : I18n.t("event.closed", code);
    }
}
