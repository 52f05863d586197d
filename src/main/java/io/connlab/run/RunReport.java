package io.connlab.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one ended run, as saved for comparing runs later: the settings, the machine,
 * every figure of the comparison table and each lane's full snapshot.
 */
public record RunReport(String runId, String backend, String backendKind, Instant startedAt, Instant endedAt,
                        String phase, String failure, Map<String, Object> settings, Map<String, Object> machine,
                        long published, long publishFailures, List<LaneSnapshot> lanes,
                        List<Comparison.Row> table, String footnote) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The shape of the saved JSON; a reader refuses a newer one by name rather than misreading it. */
    public static final int FORMAT = 1;

    /** Written as {@code "format"}; files saved before it existed have format 1's shape. */
    @com.fasterxml.jackson.annotation.JsonProperty("format")
    public int format() {
        return FORMAT;
    }

    /** The report of {@code run}, which must have ended. */
    public static RunReport of(RunController run) {
        Map<?, LaneSnapshot> finals = run.finalSnapshots();
        if (finals == null) throw new IllegalStateException("the run has not ended");
        List<LaneSnapshot> lanes = List.copyOf(finals.values());
        Comparison comparison = Comparison.of(lanes);
        return new RunReport(run.runId(), run.profile().name(), run.profile().kind().name(), run.startedAt(),
                run.endedAt(), run.phase().name(), run.failure(), settings(run.settings()), thisMachine(),
                run.published(), run.publishFailures(), lanes, comparison.rows(), comparison.footnote());
    }

    private static Map<String, Object> settings(RunSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ratePerSecond", s.ratePerSecond());
        m.put("payloadBytes", s.payloadBytes());
        m.put("durationSeconds", s.duration().toMillis() / 1000.0);
        m.put("clientsPerLane", s.clientsPerLane());
        m.put("lanes", s.lanes().stream().sorted().map(t -> t.id()).toList());
        m.put("publish", s.publish().name());
        m.put("shortPollIntervalMs", s.shortPollInterval().toMillis());
        m.put("longPollWaitSeconds", s.longPollWait().toSeconds());
        return m;
    }

    /** What a later reader needs to judge the figures: cores, memory, JVM, OS. */
    public static Map<String, Object> thisMachine() {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", rt.availableProcessors());
        m.put("maxHeapMb", rt.maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("report not serializable", e);
        }
    }

    /** The comparison table as CSV (RFC 4180), one column per lane. */
    public String toCsv() {
        return Comparison.of(lanes).toCsv();
    }

    public void writeJson(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    public void writeCsv(Path file) throws IOException {
        Files.writeString(file, toCsv(), StandardCharsets.UTF_8);
    }
}
