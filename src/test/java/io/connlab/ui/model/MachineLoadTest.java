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
