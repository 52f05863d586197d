package io.connlab.app;

import io.connlab.metrics.Technique;
import io.connlab.run.PublishPath;
import io.connlab.run.RunSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Set;

/**
 * The workload options {@code bench} and {@code bench-window} share: rate, clients, payload
 * size, publish path and room. Each command gives its own defaults through the constructor.
 */
final class WorkloadOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "R", description = "Messages per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--clients", paramLabel = "N", description = "Simulated users per lane (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--size", paramLabel = "BYTES", description = "Payload size, e.g. 256 or 4KB (default ${DEFAULT-VALUE}).",
            converter = Converters.Bytes.class)
    int size = 256;

    @Option(names = "--publish", paramLabel = "PATH", description = "sns or websocket (default ${DEFAULT-VALUE}).")
    String publish = "sns";

    @Option(names = "--room", paramLabel = "ROOM", description = "The room to publish and receive in: a class's shared room"
            + " (1-64 of A-Z a-z 0-9 _ -). Default: this run's own room, so other runs on the backend do not see it.")
    String room;

    WorkloadOptions(int rate, int clients) {
        this.rate = rate;
        this.clients = clients;
    }

    /** The run settings for these options; a bad value is a usage error that names it. */
    RunSettings settings(Set<Technique> lanes, Duration duration) {
        PublishPath path;
        try {
            path = PublishPath.parse(publish);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        try {
            return new RunSettings(rate, size, duration, clients, lanes, path, null, null).withRoom(room);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
