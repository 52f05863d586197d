package io.connlab.app;

import io.connlab.mock.MockConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The bundled mock's conditions that {@code serve} and {@code bench} share: added RTT and jitter, the database's limit. */
final class MockOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--rtt", paramLabel = "MS", description = "Added round-trip time on the bundled mock, ms.", defaultValue = "0")
    int rtt;

    @Option(names = "--jitter", paramLabel = "MS", description = "Added jitter on the bundled mock, ms.", defaultValue = "0")
    int jitter;

    @Option(names = "--db-max-connections", paramLabel = "N", description = "The bundled mock database's max_connections.",
            defaultValue = "100")
    int dbMaxConnections;

    /** True when the user asked for network conditions, which only the bundled mock applies. */
    boolean networkChanged() {
        return rtt != 0 || jitter != 0;
    }

    /** {@code base} with these conditions; a bad value is a usage error that names it. */
    MockConfig applyTo(MockConfig base) {
        if (rtt < 0 || rtt > 60_000 || jitter < 0 || jitter > 60_000) throw bad("--rtt and --jitter must be 0..60000 ms");
        try {
            return base.withNetwork(rtt, jitter).withDbMaxConnections(dbMaxConnections);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
