package io.connlab.ui.model;

/**
 * The sequence strip's short notes in the window's language. {@code metrics.TracingRecorder}
 * writes them in English on the lanes' threads ("empty", "3 msgs", "2 lost", "closed"); the
 * strip says them when it draws. Status and close codes ("504", "1009") and error kinds stay
 * as they are: they are codes.
 */
public final class StripLabels {
    private StripLabels() {
    }

    public static String shown(String label) {
        if (label == null) return null;
        switch (label) {
            case "empty": return I18n.t("strip.empty");
            case "closed": return I18n.t("strip.closed");
            case "lost": return I18n.t("strip.lost");
            default: break;
        }
        int space = label.indexOf(' ');
        if (space < 1 || !label.substring(0, space).chars().allMatch(Character::isDigit)) return label;
        long n = Long.parseLong(label.substring(0, space));
        return switch (label.substring(space + 1)) {
            case "msg", "msgs" -> I18n.t("strip.messages", n);
            case "lost" -> I18n.t("strip.nLost", n);
            default -> label;
        };
    }
}
