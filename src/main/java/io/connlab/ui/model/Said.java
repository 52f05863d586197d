package io.connlab.ui.model;

import io.connlab.run.Quantities;

import java.time.Duration;
import java.util.List;

/**
 * Durations and lists as the window's language writes them: "6 s" and "WebSocket, Long poll"
 * in English, "6 秒" and "WebSocket、长轮询" in Chinese (not "持续 6 s" beside "100 毫秒").
 */
public final class Said {
    private Said() {
    }

    /** "6 s", "2 min", "1 h" in the window's language. */
    public static String duration(Duration d) {
        String f = Quantities.format(d);
        int space = f.indexOf(' ');
        return I18n.t("said.duration." + f.substring(space + 1), f.substring(0, space));
    }

    /** The items joined as the language lists them. */
    public static String list(List<String> items) {
        return String.join(I18n.t("said.listSeparator"), items);
    }
}
