package io.connlab.app;

import io.connlab.ui.BareWindow;
import io.connlab.ui.StartupProbe;

/** Starts the start-up benchmark's reference, a bare JavaFX window, with the probe reporting on stdout. */
public final class BareWindowMain {

    private BareWindowMain() {
    }

    public static void main(String[] args) {
        StartupProbe.reportTo(Main::printNow);
        BareWindow.launch(args);
    }
}
