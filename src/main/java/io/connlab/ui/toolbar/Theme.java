package io.connlab.ui.toolbar;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The AtlantaFX themes the lab offers, each with its light or dark twin. */
public enum Theme {
    PRIMER_LIGHT(false),
    PRIMER_DARK(true),
    NORD_LIGHT(false),
    NORD_DARK(true);

    private final boolean dark;

    Theme(boolean dark) {
        this.dark = dark;
    }

    public boolean isDark() {
        return dark;
    }

    /** The same family in the other brightness. */
    public Theme twin() {
        return switch (this) {
            case PRIMER_LIGHT -> PRIMER_DARK;
            case PRIMER_DARK -> PRIMER_LIGHT;
            case NORD_LIGHT -> NORD_DARK;
            case NORD_DARK -> NORD_LIGHT;
        };
    }

    /** The user-agent stylesheet to hand to {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        return switch (this) {
            case PRIMER_LIGHT -> new PrimerLight().getUserAgentStylesheet();
            case PRIMER_DARK -> new PrimerDark().getUserAgentStylesheet();
            case NORD_LIGHT -> new NordLight().getUserAgentStylesheet();
            case NORD_DARK -> new NordDark().getUserAgentStylesheet();
        };
    }

    public static Theme parse(String name, Theme fallback) {
        if (name == null) return fallback;
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
