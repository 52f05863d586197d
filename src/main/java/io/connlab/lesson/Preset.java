package io.connlab.lesson;

import io.connlab.metrics.Technique;
import io.connlab.run.RunSettings;

import java.time.Duration;
import java.util.List;

/**
 * An experiment's settings: the run (lanes, rate, size, publish path, clients, duration, poll
 * timings, heartbeat), the mock it runs on (time scale, RTT, jitter, {@code max_connections}),
 * and the faults it injects on the way.
 */
public record Preset(RunSettings run, BackendSetup backend, List<TimedFault> faults) {

    public Preset {
        faults = List.copyOf(faults);
        for (TimedFault f : faults) {
            if (f.at().compareTo(run.duration()) >= 0) {
                throw new IllegalArgumentException("'" + f + "' comes after the run ends (" + Units.duration(run.duration()) + ")");
            }
            if (f.kind() == TimedFault.Kind.SEND && !run.lanes().contains(Technique.WEBSOCKET)) {
                throw new IllegalArgumentException("'" + f + "' needs the websocket lane");
            }
        }
    }

    /** The preset as lines of the lesson file's own format, in a fixed order (what "identical" compares). */
    public List<String> describe() {
        RunSettings r = run;
        List<String> lines = new java.util.ArrayList<>(List.of(
                "lanes: " + String.join(", ", r.lanes().stream().sorted().map(Technique::id).toList()),
                "rate: " + r.ratePerSecond() + "/s",
                "size: " + Units.bytes(r.payloadBytes()),
                "duration: " + Units.duration(r.duration()),
                "publish: " + r.publish().name().toLowerCase(java.util.Locale.ROOT),
                "clients: " + r.clientsPerLane(),
                "rtt: " + backend.rttMillis() + " ms",
                "jitter: " + backend.jitterMillis() + " ms",
                "time-scale: " + fmt(backend.timeScale()),
                "max-connections: " + backend.maxConnections(),
                "short-poll-interval: " + Units.duration(r.shortPollInterval()),
                "long-poll-wait: " + Units.duration(r.longPollWait()),
                "heartbeat: " + Units.duration(r.heartbeatInterval())));
        for (TimedFault f : faults) lines.add(f.toString());
        return lines;
    }

    /** The longest this experiment's run may take, publishing plus the run's drain, with room to spare. */
    public Duration bound() {
        return run.duration().plusSeconds(45);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static Duration requirePositive(String key, Duration d) {
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(key + " must be more than 0");
        return d;
    }
}
