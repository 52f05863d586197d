package io.connlab.app.engine;

import io.connlab.ui.model.I18n;

/**
 * An error's kind ("function-error", "io", "http-504") and a WebSocket close code in the
 * window's words, for the events list; a kind without words is shown as it is.
 */
final class ErrorWords {
    private ErrorWords() {
    }

    static String kind(String kind) {
        if (I18n.has("errorKind." + kind)) return I18n.t("errorKind." + kind);
        if (kind.matches("http-\\d{3}")) return I18n.t("errorKind.http", kind.substring(5));
        return kind;
    }

    /** "closed 1006: the connection was lost". */
    static String close(int code) {
        String key = "closeCode." + code;
        return I18n.has(key) ? I18n.t("event.closedMeaning", code, I18n.t(key)) : I18n.t("event.closed", code);
    }
}
