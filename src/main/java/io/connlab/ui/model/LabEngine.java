package io.connlab.ui.model;

import io.connlab.lesson.Preset;
import io.connlab.lesson.RunFigures;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.Technique;
import io.connlab.run.RunSettings;

import java.util.List;
import java.util.Optional;

/**
 * Everything the window needs from the run engine, in one small interface the app wires to
 * the run controller. No JavaFX here.
 *
 * <p>Threads: {@link #useBackend}, {@link #start}, {@link #stop}, {@link #adjust},
 * {@link #applyNetwork} and {@link #close} are called on a background thread, one at a
 * time, and may block. {@link #isRunning}, {@link #lane} and {@link #comparison} are called
 * on the FX thread once per frame or less and must return at once.
 */
public interface LabEngine {

    /** Switches the backend (bundled mock, or a live profile); called only between runs. */
    default void useBackend(BackendChoice choice) throws Exception {
    }

    void start(RunSettings settings, NetworkSettings network) throws Exception;

    /**
     * Starts a lesson's experiment: a run with {@code settings} (the preset's, as the toolbar
     * shows them) on the bundled mock set up as the preset says, with its timed faults on their
     * schedule. Background thread, like {@link #start}.
     */
    default void startExperiment(RunSettings settings, NetworkSettings network, Preset preset) throws Exception {
        throw new UnsupportedOperationException("this engine cannot run experiments");
    }

    /** The settled figures of the last run, once it has ended (what an experiment is judged by); FX thread, at once. */
    default Optional<RunFigures> lastRunFigures() {
        return Optional.empty();
    }

    void stop() throws Exception;

    /** True while a run is going; a run also ends by itself after its duration. */
    boolean isRunning();

    /** New settings during a run (rate, size...); ignored by engines that cannot. */
    default void adjust(RunSettings settings) throws Exception {
    }

    /** New network conditions during a run (mock only). */
    default void applyNetwork(NetworkSettings network) throws Exception {
    }

    /** The lane's figures and wire trace; never null ({@link LaneFeed#idle()} when it has none). */
    LaneFeed lane(Technique kind);

    /** The comparison table's rows as {@code bench} prints them; empty before the first run. */
    default List<Comparison.Row> comparison() {
        return List.of();
    }

    /**
     * What went wrong in the engine's own background work (refreshing the figures), for the
     * status line; empty while all is well. FX thread, returns at once.
     */
    default Optional<String> problem() {
        return Optional.empty();
    }

    default Optional<BackendPanelModel> backendPanel() {
        return Optional.empty();
    }

    /** The fault buttons; present on the bundled mock and on a served mock through its instructor profile. */
    default Optional<Faults> faults() {
        return Optional.empty();
    }

    /**
     * Why the fault buttons and the network controls do not act on this backend ({@link Words#NOTHING}
     * when they do). FX thread, at once (no I/O).
     */
    default Words noMockControl() {
        return faults().isPresent() ? Words.NOTHING : Words.of("faults.why.notMock");
    }

    default Optional<ResultsSaver> results() {
        return Optional.empty();
    }

    /** The user's saved endpoint profiles (the Profiles dialog); empty when this engine has none. */
    default Optional<ProfileStore> profiles() {
        return Optional.empty();
    }

    /** The bundled mock's API kind and calibration (the Backend tab); present only on the mock. */
    default Optional<MockSetup> mockSetup() {
        return Optional.empty();
    }

    /**
     * What a run with these settings would cost on the live stack, as {@code bench} forecasts it
     * (the lanes the stack can run); empty on the mock. FX thread, at once (no I/O).
     */
    default Optional<LiveCost> liveCost(RunSettings settings) {
        return Optional.empty();
    }

    /** Stops every lane and the backend; idempotent. */
    void close() throws Exception;

    /** An engine that runs nothing: the window opens and shows idle lanes. */
    static LabEngine idle() {
        return new IdleEngine();
    }
}
