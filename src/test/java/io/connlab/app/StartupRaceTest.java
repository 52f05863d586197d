package io.connlab.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up race on stand-in programs (shell one-liners that print the probe's line). */
@DisabledOnOs(OS.WINDOWS)
class StartupRaceTest {

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void eachProgramIsTimedToItsProbeLineInAlternatingRounds() throws Exception {
        String probe = "echo \"$" + StartupRace.PROBE_ENV + "\" >&2; echo '" + StartupRace.PROBE_LINE + "'; echo '"
                + StartupRace.READY_LINE + "'";
        List<String> progress = new ArrayList<>();
        StartupRace.Result r = StartupRace.run(sh("echo starting; " + probe), sh(probe), 3, Map.of(), progress::add);
        assertEquals(3, r.program().size());
        assertEquals(3, r.reference().size());
        assertEquals(3, progress.size());
        assertTrue(r.program().stream().allMatch(ms -> ms > 0), r.program().toString());
        assertTrue(r.ratio() > 0);
        assertEquals(3, r.programReady().size());
        assertTrue(r.medianProgramReady() >= r.medianProgram());
    }

    @Test
    void aProgramThatNeverShowsAFrameIsReportedWithItsLastWords() {
        IOException half = assertThrows(IOException.class,
                () -> StartupRace.time(sh("echo '" + StartupRace.PROBE_LINE + "'"), Map.of()));
        assertTrue(half.getMessage().contains("without showing its finished window"), half.getMessage());
        IOException e = assertThrows(IOException.class,
                () -> StartupRace.time(sh("echo no display here; exit 3"), Map.of()));
        assertTrue(e.getMessage().contains("code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("no display here"), e.getMessage());
    }

    @Test
    void theProbeModeIsExitAndBothFramesAreTimed() throws Exception {
        StartupRace.Timing t = StartupRace.time(sh("[ \"$" + StartupRace.PROBE_ENV + "\" = exit ] && echo '"
                + StartupRace.PROBE_LINE + "' && sleep 0.2 && echo '" + StartupRace.READY_LINE + "'"), Map.of());
        assertTrue(t.ready() > t.firstFrame() + 100, t.toString());
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, StartupRace.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, StartupRace.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(StartupRace.median(List.of())));
    }
}
