package io.connlab.ui.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineLoadTest {

    @Test
    void aLoadWellAboveTheCoresIsSaidWithItsFigures() {
        String w = new MachineLoad(2, () -> 5.6, () -> 0.4).warning();
        assertTrue(w.contains("load 5.6 on 2 cores") && w.contains("not the techniques'"), w);
    }

    @Test
    void theBadgeSaysItInOneShortLineAndKeepsTheFullWarningForItsTooltip() {
        MachineLoad.Warning w = new MachineLoad(2, () -> 5.6, () -> 0.4).check();
        assertEquals("CPU saturated (load 5.6, 2 cores): figures show this machine's limits", w.badge());
        assertTrue(w.full().startsWith("The machine's CPU is saturated (load 5.6 on 2 cores)"), w.full());
        assertEquals(MachineLoad.Warning.NONE, new MachineLoad(2, () -> 1.2, () -> 0.5).check());
    }

    @Test
    void aProcessUsingNearlyEveryCoreIsSaid() {
        String w = new MachineLoad(2, () -> 1.0, () -> 0.95).warning();
        assertTrue(w.contains("95% of the 2 cores"), w);
    }

    @Test
    void aMachineThatKeepsUpSaysNothingAndUnknownFiguresAreNoAlarm() {
        assertEquals("", new MachineLoad(2, () -> 1.2, () -> 0.5).warning());
        assertEquals("", new MachineLoad(4, () -> -1, () -> -1).warning());
    }
}
