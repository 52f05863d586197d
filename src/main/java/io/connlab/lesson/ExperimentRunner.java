package io.connlab.lesson;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.run.RunController;
import io.connlab.run.RunException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs an experiment headless, start to end: a mock set up as the preset says, one run with
 * the preset's settings, the timed faults on their schedule, then the observation over the
 * run's final figures. Blocks for the run's length: call it off any UI thread.
 */
public final class ExperimentRunner {
    private final ExperimentBackend.Factory backends;

    public ExperimentRunner(ExperimentBackend.Factory backends) {
        this.backends = backends;
    }

    /** Runs {@code e}; {@code progress} hears what the faults did, as they happen. */
    public ExperimentResult run(Experiment e, Consumer<String> progress) throws InterruptedException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Consumer<String> both = line -> {
            log.add(line);
            progress.accept(line);
        };
        Preset p = e.preset();
        try (ExperimentBackend backend = backends.start(p.backend());
             RunController run = new RunController(backend.profile(), p.run())) {
            run.start();
            try (FaultTimeline faults = FaultTimeline.start(run, p.faults(), new MockAdminClient(backend.profile()), both)) {
                if (!run.awaitEnd(p.bound())) {
                    run.stop();
                    return new ExperimentResult(e, null, "the run did not end within " + Units.duration(p.bound()), Map.of(), log);
                }
            }
            if (run.phase() != RunController.Phase.FINISHED) {
                return new ExperimentResult(e, null, "the run ended " + run.phase().name().toLowerCase(java.util.Locale.ROOT)
                        + (run.failure() == null ? "" : ": " + run.failure()), Map.of(), log);
            }
            return new ExperimentResult(e, e.observation().evaluate(RunFigures.of(run)), null, run.finalSnapshots(), log);
        } catch (RunException ex) {
            return new ExperimentResult(e, null, ex.getMessage(), Map.of(), log);
        } catch (InterruptedException ex) {
            throw ex;
        } catch (Exception ex) {
            return new ExperimentResult(e, null, "the experiment could not run: " + ex, Map.of(), log);
        }
    }
}
