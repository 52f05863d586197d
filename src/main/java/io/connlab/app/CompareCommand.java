package io.connlab.app;

import io.connlab.metrics.Comparison;
import io.connlab.run.SavedRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code connlab compare a.json b.json}: two saved runs, for example mock and live, in one comparison table. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Shows two saved runs (bench --json) side by side: each lane of the first next to the same lane of the second.",
                "Typical use: the same workload on the bundled mock and on a live stack."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.json", description = "The first saved run.")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "The second saved run.")
    Path b;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the side-by-side table as CSV.")
    Path csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SavedRuns.SavedRun runA;
        SavedRuns.SavedRun runB;
        try {
            runA = SavedRuns.load(a);
            runB = SavedRuns.load(b);
        } catch (IllegalArgumentException e) {
            err.println("Cannot compare: " + e.getMessage());
            return 1;
        }
        out.println("A: " + a + " - " + runA.backend() + " (" + runA.label() + ")");
        out.println("B: " + b + " - " + runB.backend() + " (" + runB.label() + ")");
        List<String> differences = SavedRuns.settingDifferences(runA, runB);
        if (!differences.isEmpty()) {
            out.println("Note: the runs used different settings (" + String.join("; ", differences) + "): compare with care.");
        }
        out.println();
        Comparison table = SavedRuns.sideBySide(runA, runB);
        out.print(table.toText());
        if (csv != null) {
            try {
                Files.writeString(csv, table.toCsv());
            } catch (IOException e) {
                err.println("Cannot write " + csv + ": " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        return 0;
    }
}
