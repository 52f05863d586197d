package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.run.PublishPath;
import io.connlab.ui.model.NetworkSettings;
import io.connlab.ui.toolbar.AppearanceModel;
import io.connlab.ui.toolbar.Theme;
import io.connlab.ui.toolbar.ToolbarModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between sessions (java.util.prefs): theme, type size, window
 * bounds and the toolbar's last settings. Values read back are checked like typed ones, so
 * a damaged store gives defaults, never an exception. Tests pass their own Preferences node.
 */
public final class UiPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);

    /** Where the window was: position, size, maximised. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public boolean usable() {
            return Double.isFinite(x) && Double.isFinite(y) && width >= 400 && height >= 300
                    && width <= 20_000 && height <= 20_000;
        }
    }

    /** Where the lesson pane was: the lesson open, widened for teaching, hidden for a run. */
    public record LessonPlace(String lessonId, boolean wide, boolean collapsed) {
    }

    private final Preferences node;

    public UiPreferences(Preferences node) {
        if (node == null) throw new IllegalArgumentException("preferences node is required");
        this.node = node;
    }

    /** The current user's preferences for the lab. */
    public static UiPreferences forUser() {
        return new UiPreferences(Preferences.userRoot().node("io/connlab/ui"));
    }

    /** Preferences that start empty and are forgotten at exit (benchmarks, tests). */
    public static UiPreferences inMemory() {
        return new UiPreferences(new MemoryPreferences());
    }

    public void loadInto(AppearanceModel look) {
        look.themeProperty().set(Theme.parse(node.get("theme", null), Theme.PRIMER_LIGHT));
        look.setFontSize(node.getDouble("fontSize", AppearanceModel.DEFAULT_FONT));
    }

    public void saveFrom(AppearanceModel look) {
        node.put("theme", look.themeProperty().get().name());
        node.putDouble("fontSize", look.fontSize());
    }

    /** Restores the last typed values; a bad stored value stays visible in its field with its message. */
    public void loadInto(ToolbarModel toolbar) {
        copy("rate", toolbar.rateProperty());
        copy("payload", toolbar.payloadProperty());
        copy("duration", toolbar.durationProperty());
        copy("clients", toolbar.clientsProperty());
        String publish = node.get("publish", null);
        if (publish != null) {
            try {
                toolbar.publishProperty().set(PublishPath.valueOf(publish));
            } catch (IllegalArgumentException ignored) {
                // an older or damaged value: keep the default
            }
        }
        toolbar.rttMillisProperty().set(clamp(node.getInt("rttMillis", toolbar.rttMillisProperty().get()), NetworkSettings.MAX_RTT));
        toolbar.jitterMillisProperty().set(clamp(node.getInt("jitterMillis", toolbar.jitterMillisProperty().get()), NetworkSettings.MAX_JITTER));
        toolbar.timeScaleProperty().set(Math.max(1, Math.min(600, node.getInt("timeScale", 1))));
        for (Technique k : ToolbarModel.WINDOW_LANES) {
            toolbar.shownProperty(k).set(node.getBoolean("shown." + k.id(), toolbar.shownProperty(k).get()));
        }
    }

    /** Keeps the user's own values: a lesson's preset is for its experiment only, never remembered. */
    public void saveFrom(ToolbarModel toolbar) {
        ToolbarModel.Values v = toolbar.userValues();
        node.put("rate", v.rate());
        node.put("payload", v.payload());
        node.put("duration", v.duration());
        node.put("clients", v.clients());
        node.put("publish", v.publish().name());
        node.putInt("rttMillis", v.rttMillis());
        node.putInt("jitterMillis", v.jitterMillis());
        node.putInt("timeScale", v.timeScale());
        for (Technique k : ToolbarModel.WINDOW_LANES) {
            node.putBoolean("shown." + k.id(), v.shown().contains(k));
        }
    }

    public Optional<WindowBounds> window() {
        WindowBounds b = new WindowBounds(node.getDouble("window.x", Double.NaN), node.getDouble("window.y", Double.NaN),
                node.getDouble("window.width", 0), node.getDouble("window.height", 0),
                node.getBoolean("window.maximized", false));
        return b.usable() ? Optional.of(b) : Optional.empty();
    }

    public void saveWindow(WindowBounds b) {
        if (b == null || !b.usable()) return;
        node.putDouble("window.x", b.x());
        node.putDouble("window.y", b.y());
        node.putDouble("window.width", b.width());
        node.putDouble("window.height", b.height());
        node.putBoolean("window.maximized", b.maximized());
    }

    public LessonPlace lessonPlace() {
        String id = node.get("lesson.id", null);
        return new LessonPlace(id != null && id.matches("[a-z0-9-]{1,60}") ? id : null,
                node.getBoolean("lesson.wide", false), node.getBoolean("lesson.collapsed", false));
    }

    public void saveLessonPlace(LessonPlace p) {
        if (p.lessonId() != null) node.put("lesson.id", p.lessonId());
        node.putBoolean("lesson.wide", p.wide());
        node.putBoolean("lesson.collapsed", p.collapsed());
    }

    /** The language chosen in the window ("en", "zh"); empty when never chosen (then the system's). */
    public Optional<String> language() {
        String l = node.get("language", null);
        return l != null && io.connlab.ui.model.I18n.LANGUAGES.contains(l) ? Optional.of(l) : Optional.empty();
    }

    public void saveLanguage(String language) {
        if (language != null && io.connlab.ui.model.I18n.LANGUAGES.contains(language)) node.put("language", language);
    }

    /** The bundled mock's API kind chosen in the Backend tab (HTTP API unless changed). */
    public io.connlab.metrics.RequestApi mockApi() {
        try {
            return io.connlab.metrics.RequestApi.valueOf(node.get("mock.api", "HTTP_API"));
        } catch (IllegalArgumentException damaged) {
            return io.connlab.metrics.RequestApi.HTTP_API;
        }
    }

    /** The calibrate file the mock used last, when it is still there. */
    public Optional<java.nio.file.Path> mockCalibrated() {
        String f = node.get("mock.calibrated", null);
        try {
            return f == null ? Optional.empty() : Optional.of(java.nio.file.Path.of(f)).filter(java.nio.file.Files::isRegularFile);
        } catch (java.nio.file.InvalidPathException damaged) {
            return Optional.empty();
        }
    }

    public void saveMockSettings(io.connlab.metrics.RequestApi api, java.nio.file.Path calibrated) {
        node.put("mock.api", api.name());
        if (calibrated == null) node.remove("mock.calibrated");
        else node.put("mock.calibrated", calibrated.toAbsolutePath().toString());
    }

    /** Writes to the backing store; failures are logged, never thrown (a read-only home must not stop the app). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("could not save preferences: {}", e.getMessage());
        }
    }

    private void copy(String key, javafx.beans.property.StringProperty target) {
        String v = node.get(key, null);
        if (v != null && v.length() <= 40) target.set(v);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
