package io.connlab.ui.model;

import java.nio.file.Path;

/** Which backend the lab talks to: the bundled mock, or a deployed stack described by an endpoint profile. */
public record BackendChoice(Path profile) {

    public static BackendChoice mock() {
        return new BackendChoice(null);
    }

    public static BackendChoice profile(Path file) {
        if (file == null) throw new IllegalArgumentException("profile file is required");
        return new BackendChoice(file);
    }

    public boolean isMock() {
        return profile == null;
    }

    @Override
    public String toString() {
        return isMock() ? I18n.t("backend.mock") : String.valueOf(profile.getFileName());
    }
}
