package io.connlab.ui;

import io.connlab.ui.model.LabEngine;
import javafx.application.Application;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens the desktop lab, or says in one line why it cannot. The app's {@code main} calls
 * {@link #launch}; it must not extend {@code Application} itself.
 */
public final class GuiLauncher {

    public static final String NO_DISPLAY =
            "ConnLab needs a display; without one, try 'connlab bench' or 'connlab serve'.";

    private GuiLauncher() {
    }

    /** Opens the window with no run engine (idle lanes); returns the exit code. */
    public static int launch(String[] args) {
        return launch(args, LabEngine::idle);
    }

    /**
     * Opens the window and blocks until it is closed; returns the exit code (0, or 1 with one
     * line on stderr when there is no display).
     *
     * @param engine makes the run engine, on the FX thread: keep it cheap; start the backend in
     *               {@link LabEngine#useBackend}, which the window calls in the background
     */
    public static int launch(String[] args, Supplier<LabEngine> engine) {
        return launch(args, engine, UiPreferences::forUser, window -> { });
    }

    /**
     * Like {@link #launch(String[], Supplier)}, for tools that drive the real window (the
     * frame-time bench): their own preferences, and a call on the FX thread once the window
     * is shown.
     */
    public static int launch(String[] args, Supplier<LabEngine> engine, Supplier<UiPreferences> prefs,
                             Consumer<LabWindow> shown) {
        if (!hasDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"),
                System.getProperty("monocle.platform"))) {
            System.err.println(NO_DISPLAY);
            return 1;
        }
        ConnLabApp.setup = new ConnLabApp.Setup(engine, prefs, shown);
        quietClassPathWarning();
        try {
            Application.launch(ConnLabApp.class, args);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // e.g. DISPLAY is set but the X server cannot be reached
            System.err.println(NO_DISPLAY + " (" + firstLine(e) + ")");
            // a failure of our own start-up hides behind JavaFX's wrapper: say it, so it is not taken for a display problem
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) System.err.println("  caused by: " + c);
            return 1;
        }
    }

    /** Held: java.util.logging keeps loggers weakly, and a collected one would lose its filter. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * The jar runs JavaFX from the class path on purpose (the bundle runs it as modules); JavaFX
     * warns "Unsupported JavaFX configuration" about that at every start. Only that line is
     * dropped: every other JavaFX warning still prints.
     */
    static void quietClassPathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /**
     * True unless this is Linux (or another X11 system) with neither DISPLAY nor WAYLAND_DISPLAY
     * set and not running headless Monocle. Windows and macOS always have a display.
     */
    public static boolean hasDisplay(Map<String, String> env, String osName, String glassPlatform, String monoclePlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform) && "Headless".equalsIgnoreCase(monoclePlatform)) return true;
        String os = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return true;
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
