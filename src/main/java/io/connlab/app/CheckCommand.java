package io.connlab.app;

import io.connlab.endpoint.ConnectionTest;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code connlab check --profile X}: "Test connection" from a terminal, one line per endpoint; exit 1 when one failed. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Tries every endpoint of a profile and says which works, which the stack does not have, and why one failed.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The endpoint profile to check.")
    Path profile;

    @Option(names = "--timeout", paramLabel = "S", description = "Seconds to wait for each endpoint (default ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EndpointProfile p;
        try {
            p = EndpointProfiles.load(profile);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("Cannot check: " + e.getMessage());
            return 2;
        }
        List<ConnectionTest.Check> checks = new ConnectionTest(Duration.ofSeconds(Math.max(1, timeoutSeconds))).run(p);
        out.println("Checking " + p.name() + ":");
        checks.forEach(c -> out.println("  " + c));
        out.flush();
        return checks.stream().anyMatch(c -> c.outcome() == ConnectionTest.Outcome.FAILED) ? 1 : 0;
    }
}
