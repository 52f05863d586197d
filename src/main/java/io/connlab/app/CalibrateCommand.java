package io.connlab.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connlab.app.engine.MockSettingsFile;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.endpoint.EndpointTimings;
import io.connlab.mock.ApiKind;
import io.connlab.mock.MockConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code connlab calibrate --profile live.json}: measures a stack's round trip, connect time, cold
 * start and poll answer time and writes mock settings that play them ({@code serve --settings}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Measures an endpoint (round trip, connect time, cold start, poll answer time) and writes mock settings",
                "that reproduce it: connlab serve --settings calibrated.json. Sends a few dozen requests, one at a time."})
final class CalibrateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The endpoint profile to measure (a live stack's).")
    Path profile;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the mock settings (default ${DEFAULT-VALUE}).",
            defaultValue = "calibrated.json")
    Path out;

    @Option(names = "--samples", paramLabel = "N", description = "Samples per measure, 3..100 (default ${DEFAULT-VALUE}).",
            defaultValue = "15")
    int samples;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (samples < 3 || samples > 100) {
            err.println("--samples must be 3..100, got " + samples);
            return 2;
        }
        EndpointProfile p;
        try {
            p = EndpointProfiles.load(profile);
        } catch (IllegalArgumentException e) {
            err.println("Cannot calibrate: " + e.getMessage());
            return 2; // a profile that cannot be read is the user's input, as in check and bench
        }
        EndpointTimings.Timings t;
        try {
            t = new EndpointTimings(Duration.ofSeconds(10)).measure(p, samples);
        } catch (IOException | IllegalStateException e) {
            err.println("Cannot calibrate against " + p.name() + ": " + e.getMessage()
                    + ". 'Test connection' in the app (or a bench run) shows which endpoint fails.");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        MockSettingsFile.Settings settings = settingsFor(t);
        try {
            MockSettingsFile.write(out, settings, measured(t));
        } catch (IOException e) {
            err.println("Cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        o.printf("Measured %s (%d samples each, medians):%n", p.name(), samples);
        o.printf("  round trip      %s%n", ms(t.roundTripMs()));
        o.printf("  connect         %s%n", ms(t.connectMs()));
        o.printf("  poll answer     %s%n", ms(t.pollMs()));
        o.printf("  cold start      %s%n", t.coldStartMs() == null ? "not measured" : Math.round(t.coldStartMs()) + " ms");
        t.notes().forEach(n -> o.println("  note: " + n));
        o.printf("Mock settings written to %s: rtt %d ms, jitter %d ms, cold start %d ms.%n", out, settings.rttMillis(),
                settings.jitterMillis(), settings.coldStartMillis());
        o.println("Play them with: connlab serve --settings " + out);
        o.flush();
        return 0;
    }

    /** The mock's added round trip is what a message's round trip costs there; jitter is half the 10-90 % spread. */
    static MockSettingsFile.Settings settingsFor(EndpointTimings.Timings t) {
        EndpointTimings.Stats rt = t.roundTripMs();
        int rtt = (int) Math.round(rt.median());
        int jitter = (int) Math.round((rt.p90() - rt.p10()) / 2);
        int cold = t.coldStartMs() == null ? MockConfig.DEFAULT_COLD_START_MILLIS : (int) Math.round(t.coldStartMs());
        return new MockSettingsFile.Settings(Math.min(rtt, 60_000), Math.min(jitter, 60_000), Math.min(cold, 60_000), ApiKind.HTTP_API);
    }

    private static ObjectNode measured(EndpointTimings.Timings t) {
        ObjectNode m = JSON.createObjectNode();
        m.set("roundTripMs", JSON.valueToTree(t.roundTripMs()));
        m.set("connectMs", JSON.valueToTree(t.connectMs()));
        m.set("pollMs", JSON.valueToTree(t.pollMs()));
        m.set("warmInvokeMs", JSON.valueToTree(t.warmInvokeMs()));
        if (t.coldStartMs() != null) m.put("coldStartMs", t.coldStartMs());
        return m;
    }

    private static String ms(EndpointTimings.Stats s) {
        return s == null ? "not measured" : String.format("%.0f ms (10-90 %%: %.0f-%.0f)", s.median(), s.p10(), s.p90());
    }
}
