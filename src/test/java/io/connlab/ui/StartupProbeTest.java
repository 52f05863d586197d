package io.connlab.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The probe's modes, as the environment variable spells them. */
class StartupProbeTest {

    @Test
    void modes() {
        assertEquals(Long.MIN_VALUE, StartupProbe.exitAfterMillis(null));
        assertEquals(Long.MIN_VALUE, StartupProbe.exitAfterMillis(" "));
        assertEquals(-1, StartupProbe.exitAfterMillis("print"));
        assertEquals(0, StartupProbe.exitAfterMillis("EXIT"));
        assertEquals(1500, StartupProbe.exitAfterMillis("exit-after:1500"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartupProbe.exitAfterMillis("soon"));
        assertEquals("CONNLAB_STARTUP_PROBE=soon: expected print, exit or exit-after:MILLIS", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StartupProbe.exitAfterMillis("exit-after:x"));
    }
}
